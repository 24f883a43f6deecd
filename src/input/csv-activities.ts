import type { Activity } from '../model/activity.js';
import type { Lead } from '../model/lead.js';
import type { ActivityColumns, ColumnRef } from './csv-columns.js';
import type { RecordProblems } from './input-problem.js';
import { parseDate } from './parse-date.js';
import { cleanText, describeValue, resolve } from './parsed.js';

/** Most activities one column group expands into, so a typo like 1000000 cannot flood a run. */
export const MAX_ACTIVITIES_PER_COLUMN = 1000;

/**
 * CSV activity columns, one group per activity type and attribute set (`page_view[url=/pricing].count`,
 * `.first`, `.last`). A count of N becomes N activities of that type carrying those attributes, spread
 * evenly from `.first` to `.last` (N = 1: at `.last`; no `.first`: all at `.last`). Without a `.last` date
 * the row's updatedAt stands in, else its createdAt, else `.first`; with none of them the activities are
 * skipped (`undated_activity`). An empty count is 0; a count that is not a whole number is 0
 * (`invalid_count`); above 1,000 it is capped (`count_capped`). A group without a `.count` column has one
 * activity at each of its `.first` and `.last` dates.
 */
export function expandActivityColumns(
  row: readonly string[],
  groups: readonly ActivityColumns[],
  lead: Lead,
  problems: RecordProblems,
): Activity[] {
  const activities: Activity[] = [];
  for (const group of groups) {
    const first = readDate(row, group.first, problems);
    const last = readDate(row, group.last, problems);
    const dates = group.count
      ? spread(
          readCount(row, group.count, problems),
          first,
          last ?? lead.updatedAt ?? lead.createdAt ?? first,
          group.count,
          problems,
        )
      : distinct([first, last]);
    for (const at of dates) activities.push({ type: group.type, ...group.attributes, at });
  }
  return activities;
}

function spread(
  requested: number,
  first: Date | undefined,
  end: Date | undefined,
  column: ColumnRef,
  problems: RecordProblems,
): Date[] {
  if (requested === 0) return [];
  if (!end) {
    const what = requested === 1 ? '1 activity' : `${requested} activities`;
    problems.report(
      column.header,
      'undated_activity',
      `${what} without a date (no .last date, updatedAt or createdAt); skipped`,
    );
    return [];
  }
  let count = requested;
  if (count > MAX_ACTIVITIES_PER_COLUMN) {
    const limit = MAX_ACTIVITIES_PER_COLUMN;
    problems.report(
      column.header,
      'count_capped',
      `${count} is more than ${limit} activities; expanded to ${limit}`,
    );
    count = limit;
  }
  if (count === 1 || !first) return Array.from({ length: count }, () => new Date(end.getTime()));
  const from = first.getTime();
  const step = (end.getTime() - from) / (count - 1);
  return Array.from({ length: count }, (_, i) => new Date(Math.round(from + step * i)));
}

function readCount(row: readonly string[], column: ColumnRef, problems: RecordProblems): number {
  const text = cleanText(row[column.index] ?? '');
  if (text === undefined) return 0;
  if (/^\d+(?:\.0*)?$/.test(text)) return Number(text);
  const got = describeValue(text);
  problems.report(
    column.header,
    'invalid_count',
    `expected a whole number of 0 or more, got ${got}; treated as 0`,
  );
  return 0;
}

function readDate(
  row: readonly string[],
  column: ColumnRef | undefined,
  problems: RecordProblems,
): Date | undefined {
  return column ? resolve(parseDate(row[column.index]), column.header, problems) : undefined;
}

function distinct(dates: Array<Date | undefined>): Date[] {
  const times = new Set(dates.filter((date) => date !== undefined).map((date) => date.getTime()));
  return [...times].map((time) => new Date(time));
}
