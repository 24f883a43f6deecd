import { z } from 'zod';
import type { Activity } from '../model/activity.js';
import { activityTypeOf, unknownActivityTypeMessage } from './activity-type.js';
import type { RecordProblems } from './input-problem.js';
import { expectedDate, parseDate } from './parse-date.js';
import { parseText } from './parse-values.js';
import { describeValue, resolve } from './parsed.js';

const activityObjectSchema = z.record(z.string(), z.unknown());
/** Attributes the canonical activity types as text (never truncated: URLs run long); others are kept as they are. */
const TEXT_ATTRIBUTES: ReadonlySet<string> = new Set(['url', 'form', 'asset', 'assetType']);
const SKIPPED = 'activity skipped';

/**
 * JSONL `activities`: an array of `{type, at, ...attributes}`. Absent or null → none. Not an array → none
 * (`invalid_activities`). An entry that is not an object (`invalid_activity`), has an unknown type
 * (`unknown_activity_type`; case, spaces and hyphens are forgiven: "Page View" is page_view) or a missing or
 * unreadable `at` (`invalid_date`) is skipped. url, form, asset and assetType are read as text; other
 * attributes are kept as they are; null attributes are dropped.
 */
export function normalizeActivities(value: unknown, problems: RecordProblems): Activity[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.report(
      'activities',
      'invalid_activities',
      `expected an array of activities, got ${describeValue(value)}; ignored`,
    );
    return [];
  }
  const activities: Activity[] = [];
  value.forEach((entry: unknown, index) => {
    const activity = normalizeActivity(entry, `activities[${index}]`, problems);
    if (activity) activities.push(activity);
  });
  return activities;
}

function normalizeActivity(entry: unknown, path: string, problems: RecordProblems): Activity | undefined {
  const object = activityObjectSchema.safeParse(entry);
  if (!object.success) {
    const got = describeValue(entry);
    problems.report(
      path,
      'invalid_activity',
      `expected an object like {"type": …, "at": …}, got ${got}; skipped`,
    );
    return undefined;
  }
  const { type: rawType, at: rawAt, ...attributes } = object.data;
  const type = activityTypeOf(rawType);
  if (!type) {
    problems.report(
      `${path}.type`,
      'unknown_activity_type',
      `${unknownActivityTypeMessage(rawType)}; ${SKIPPED}`,
    );
    return undefined;
  }
  const at = parseDate(rawAt);
  if (!at.ok) {
    problems.report(
      `${path}.at`,
      'invalid_date',
      `${at.problem?.message ?? expectedDate(rawAt)}; ${SKIPPED}`,
    );
    return undefined;
  }
  const activity: Activity = { type, at: at.value };
  for (const [name, raw] of Object.entries(attributes)) {
    const value = TEXT_ATTRIBUTES.has(name)
      ? resolve(parseText(raw, Infinity), `${path}.${name}`, problems)
      : raw;
    if (value !== undefined && value !== null) activity[name] = value;
  }
  return activity;
}
