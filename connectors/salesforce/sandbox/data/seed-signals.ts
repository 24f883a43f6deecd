import { parseTemporal, type SObjectRecord } from './field-types.js';

/** Titles that sign (or steer) a purchase, and titles that rarely do, among the seeded ones. */
const DECISION_MAKER = /^(CEO|CTO|VP |Head of |Operations Director)/;
const RARELY_BUYS = /^(Student|Software Engineer|Data Analyst)$/;
/** The industries config/scoring.yaml calls its target (Salesforce's picklist spelling). */
const TARGET_INDUSTRIES: ReadonlySet<unknown> = new Set(['Technology', 'Finance', 'Banking']);

/**
 * How well a person fits the seeded business, roughly −1.3 to 2.5: the same signals the default model
 * scores (role, industry, size), so that outcomes seeded from it are learnable from the mapped fields.
 */
export function fitSignal(title: unknown, industry: unknown, employees: unknown): number {
  let fit = 0;
  if (typeof title === 'string' && DECISION_MAKER.test(title)) fit += 1.2;
  else if (typeof title === 'string' && RARELY_BUYS.test(title)) fit -= 0.8;
  if (TARGET_INDUSTRIES.has(industry)) fit += 0.8;
  if (typeof employees === 'number') fit += employees >= 150 ? 0.5 : employees < 20 ? -0.5 : 0;
  return fit;
}

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/**
 * When each person engaged, by person id: meetings (Events), logged calls (closed call Tasks) and campaign
 * responses, the records the shipped mappings turn into scored activities.
 */
export function engagementTimes(
  tasks: readonly SObjectRecord[],
  events: readonly SObjectRecord[],
  members: readonly SObjectRecord[],
): Map<string, number[]> {
  const times = new Map<string, number[]>();
  const add = (who: unknown, at: number | undefined) => {
    if (typeof who !== 'string' || at === undefined) return;
    const list = times.get(who);
    if (list) list.push(at);
    else times.set(who, [at]);
  };
  for (const task of tasks) {
    if (task.IsClosed === true && task.Type === 'Call')
      add(task.WhoId, parseTemporal(task.ActivityDate ?? null));
  }
  for (const event of events) add(event.WhoId, parseTemporal(event.StartDateTime ?? null));
  for (const member of members) {
    if (member.HasResponded !== true) continue;
    add(member.LeadId ?? member.ContactId, parseTemporal(member.FirstRespondedDate ?? null));
  }
  return times;
}

/** How often the person engaged up to `ms`. */
export function engagedBefore(times: ReadonlyMap<string, number[]>, who: unknown, ms: number): number {
  const list = typeof who === 'string' ? times.get(who) : undefined;
  return list ? list.filter((at) => at <= ms).length : 0;
}
