import type { HistoryRecord } from '../connector/crm-adapter.js';
import type { LabelledLead } from './crm-history-table.js';

/**
 * The moment each record of a history is measured at. A record with an outcome time is measured then. One
 * without (a lead that never converted) is measured at the age at which the others typically reached
 * their outcome (the median time from creation to outcome), or now if it is younger: measured now, an old
 * lead that went quiet months ago would stand against leads caught on the day they converted, and the
 * model would learn little more than "recent activity". Without outcome times, every record is measured now.
 */
export function measuredHistory(records: readonly HistoryRecord[], now: Date): LabelledLead[] {
  const age = typicalOutcomeAge(records);
  return records.map(({ lead, converted, outcomeAt }) => {
    let at = outcomeAt?.getTime() ?? now.getTime();
    if (outcomeAt === undefined && age !== undefined && lead.createdAt !== undefined) {
      at = lead.createdAt.getTime() + age;
    }
    const asOf = new Date(Math.min(at, now.getTime()));
    return converted === undefined ? { lead, asOf } : { lead, converted, asOf };
  });
}

/** Median milliseconds from creation to outcome over the converted records that have both. */
function typicalOutcomeAge(records: readonly HistoryRecord[]): number | undefined {
  const ages = records
    .filter((r) => r.converted === true && r.outcomeAt !== undefined && r.lead.createdAt !== undefined)
    .map((r) => Math.max(0, r.outcomeAt!.getTime() - r.lead.createdAt!.getTime()))
    .sort((a, b) => a - b);
  if (ages.length === 0) return undefined;
  const mid = Math.floor(ages.length / 2);
  return ages.length % 2 ? ages[mid]! : (ages[mid - 1]! + ages[mid]!) / 2;
}
