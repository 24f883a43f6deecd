import type { ColumnSignal } from './column-signals.js';

/** A column this predictive on its own is almost certainly filled in after the outcome was known. */
export const LEAKAGE_AUC = 0.95;
/** Below this share of rows with a value, the where-present AUC is not used for the warning. */
const MIN_PRESENT_SHARE = 0.1;

/**
 * Columns that predict the outcome almost perfectly on their own, over all rows or over the rows where they
 * have a value (a field sales fill in after a call is empty for leads never called, and telling otherwise).
 */
export function leakyColumns(signals: readonly ColumnSignal[]): ColumnSignal[] {
  return signals.filter(
    (signal) =>
      signal.auc >= LEAKAGE_AUC ||
      (signal.present >= MIN_PRESENT_SHARE && (signal.aucWherePresent ?? 0) >= LEAKAGE_AUC),
  );
}

export function leakageWarning(signal: ColumnSignal, label: string): string {
  const evidence =
    signal.auc >= LEAKAGE_AUC
      ? `ROC AUC ${signal.auc.toFixed(3)} on its own`
      : `ROC AUC ${(signal.aucWherePresent ?? 0).toFixed(3)} on its own where it has a value (${percent(signal.present)} of rows)`;
  return (
    `column "${signal.column}" predicts ${label} almost perfectly (${evidence}): if it is filled in after the ` +
    `outcome is known (e.g. a status set by sales), it leaks the outcome; leave it out with --exclude "${signal.column}"`
  );
}

function percent(share: number): string {
  return `${Math.round(share * 100)} %`;
}
