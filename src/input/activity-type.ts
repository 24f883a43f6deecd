import { ACTIVITY_TYPES, activityTypeSchema } from '../model/activity.js';
import type { ActivityType } from '../model/activity.js';
import { describeValue } from './parsed.js';

/** "Page View", "page-view" and "PAGE_VIEW" all name page_view. */
export function activityTypeOf(value: unknown): ActivityType | undefined {
  if (typeof value !== 'string') return undefined;
  const type = activityTypeSchema.safeParse(
    value
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  );
  return type.success ? type.data : undefined;
}

const SHOWN_TYPES = 3;

/** Short on purpose: it can be reported for every activity of a big file. */
export function unknownActivityTypeMessage(value: unknown): string {
  const some = ACTIVITY_TYPES.slice(0, SHOWN_TYPES).join(', ');
  const meant = typeof value === 'string' ? closestType(value) : undefined;
  const hint = meant ? ` (did you mean ${meant}?)` : '';
  return `expected one of ${some}, … (${ACTIVITY_TYPES.length} types), got ${describeValue(value)}${hint}`;
}

function squash(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/s$/, '');
}

/** "pageview" and "Page Views" are near enough to page_view to suggest it. */
function closestType(value: string): ActivityType | undefined {
  const key = squash(value);
  return ACTIVITY_TYPES.find((type) => squash(type) === key);
}
