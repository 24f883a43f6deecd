import { createTask, parse } from 'node-cron';
import type { ScheduledTask } from 'node-cron';

const MINUTE_MS = 60_000;
/** How far ahead a schedule is searched; a schedule with no run within it shows none. */
export const HORIZON_DAYS = 366;

export interface NextRunsOptions {
  count?: number;
  /** Tests only: skip node-cron's walker and use the minute-by-minute search. */
  byMinute?: boolean;
}

interface TimeMatcher {
  getNextMatch(from: Date): Date;
}

/**
 * The next `count` moments after `now` at which `expression` fires in `timeZone`, with node-cron's own
 * matching (day-of-week/month rules, DST gaps and overlaps as the scheduler sees them). Never starts a task.
 */
export function nextRuns(
  expression: string,
  timeZone: string,
  now: Date,
  options: NextRunsOptions = {},
): Date[] {
  const count = options.count ?? 3;
  const task = createTask(expression, () => undefined, { timezone: timeZone });
  try {
    const horizon = now.getTime() + HORIZON_DAYS * 86_400_000;
    const matcher = options.byMinute ? undefined : timeMatcherOf(task);
    const runs = matcher ? walk(matcher, task, now, count) : byMinute(task, expression, now, count, horizon);
    return runs.filter((run) => run.getTime() <= horizon);
  } finally {
    void task.destroy();
  }
}

/**
 * node-cron's public getNextRuns always counts from the real clock, and getNextRun is null on a task never
 * started; its task's TimeMatcher takes the start as an argument. It is not part of the typed API, hence the
 * check here and the fallback when a later version moves it.
 */
function timeMatcherOf(task: ScheduledTask): TimeMatcher | undefined {
  const matcher = (task as unknown as { timeMatcher?: Partial<TimeMatcher> }).timeMatcher;
  return typeof matcher?.getNextMatch === 'function' ? (matcher as TimeMatcher) : undefined;
}

function walk(matcher: TimeMatcher, task: ScheduledTask, now: Date, count: number): Date[] {
  const runs: Date[] = [];
  let from = now;
  while (runs.length < count) {
    let next: Date;
    try {
      next = matcher.getNextMatch(from);
    } catch {
      break; // no match within node-cron's own (much longer) horizon
    }
    if (!(next.getTime() > from.getTime()) || !task.match(next)) break;
    runs.push(next);
    from = next;
  }
  return runs;
}

/** Minute by minute: the seconds field is independent of the others, so one probe per minute decides it. */
function byMinute(
  task: ScheduledTask,
  expression: string,
  now: Date,
  count: number,
  horizon: number,
): Date[] {
  const seconds = [...parse(expression).second].sort((a, b) => a - b);
  const first = seconds[0] ?? 0;
  const runs: Date[] = [];
  let minute = Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS;
  for (; minute <= horizon && runs.length < count; minute += MINUTE_MS) {
    if (!task.match(new Date(minute + first * 1000))) continue;
    for (const second of seconds) {
      const at = minute + second * 1000;
      if (at > now.getTime() && runs.length < count) runs.push(new Date(at));
    }
  }
  return runs;
}
