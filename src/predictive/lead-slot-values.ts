import type { ActivityType } from '../model/activity.js';
import type { Lead } from '../model/lead.js';
import { DAY_MS } from '../scoring/decay.js';
import { FEATURE_FIELD_SET, LeadFields, PROFILE_FIELD_SET } from './lead-fields.js';
import { activityCountColumn, RECENCY_COLUMN } from './lead-rows.js';
import type { PredictiveModel } from './model-artifact.js';
import { slotEncoding } from './model-slots.js';
import type { SlotValues } from './model-slots.js';

/**
 * The model's columns read straight from leads: the values predict would read from the leads' rows
 * (leadRow, lead-rows.ts), without writing the rows. Each lead's fields are read and encoded at once, while
 * the lead is in cache (see LeadFields); one pass over its activities gives the counts of `types` and the
 * recency as of `asOf`.
 */
export function leadSlotValues(
  model: PredictiveModel,
  leads: readonly Lead[],
  asOf: Date,
  types: readonly ActivityType[],
): SlotValues {
  const countColumns = new Map(types.map((type, t) => [activityCountColumn(type), t]));
  // Personal fields are never a column of a lead's row: such a column is missing throughout.
  const has = (column: string) => FEATURE_FIELD_SET.has(column) || !PROFILE_FIELD_SET.has(column);
  const { values, encoders } = slotEncoding(model, leads.length, 'lead', has);
  const columns: string[] = [];
  const slots: number[] = [];
  let activity: ActivityColumns | undefined;
  const activityOf = () => (activity ??= activityColumns(leads, asOf, types));
  encoders.forEach((encoder, s) => {
    if (!encoder) return;
    const column = values.slots[s]!.column;
    const count = countColumns.get(column);
    if (column === RECENCY_COLUMN) encoder.setAll(recencyCells(activityOf().recency, values.slots[s]!.kind));
    else if (count !== undefined) encoder.setAll(activityOf().counts[count]!);
    else {
      columns.push(column);
      slots.push(s);
    }
  });
  if (columns.length === 0) return values;
  const fields = new LeadFields(columns);
  const row = new Array<unknown>(columns.length);
  for (let r = 0; r < leads.length; r++) {
    fields.read(leads[r]!, row);
    for (let k = 0; k < slots.length; k++) encoders[slots[k]!]!.set(r, row[k]);
  }
  return values;
}

interface ActivityColumns {
  /** Per type, each lead's number of activities until `asOf`. */
  counts: Float64Array[];
  /** Days from each lead's latest activity until `asOf`; NaN for a lead without activity. */
  recency: Float64Array;
}

function activityColumns(
  leads: readonly Lead[],
  asOf: Date,
  types: readonly ActivityType[],
): ActivityColumns {
  const typeIndex = new Map<string, number>(types.map((type, t) => [type, t]));
  const counts = types.map(() => new Float64Array(leads.length));
  const recency = new Float64Array(leads.length);
  const until = asOf.getTime();
  for (let r = 0; r < leads.length; r++) {
    const activities = leads[r]!.activities;
    let last = Number.NEGATIVE_INFINITY;
    for (let a = 0; a < activities.length; a++) {
      const activity = activities[a]!;
      const at = activity.at.getTime();
      if (at > until) continue;
      const t = typeIndex.get(activity.type);
      if (t !== undefined) counts[t]![r]!++;
      if (at > last) last = at;
    }
    recency[r] = Number.isFinite(last) ? (until - last) / DAY_MS : Number.NaN;
  }
  return { counts, recency };
}

/** NaN reads as missing as a number; as a category, a lead without activity has no recency text. */
function recencyCells(recency: Float64Array, kind: 'scaled' | 'levels'): ArrayLike<unknown> {
  return kind === 'scaled' ? recency : Array.from(recency, (days) => (Number.isNaN(days) ? undefined : days));
}
