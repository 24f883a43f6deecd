import { rocAuc } from './auc.js';
import type { DateColumn } from './column-plan.js';
import type { FeatureColumn } from './feature-column.js';
import { columnMap, fitModel, predictRows } from './fit-model.js';
import type { LogisticOptions } from './logistic-regression.js';

export interface TimeHoldout {
  /** The date column the rows were ordered by. */
  column: string;
  trainRows: number;
  testRows: number;
  /** ISO-8601: the earliest and latest dates trained on, the first and last tested. */
  trainFrom: string;
  trainUntil: string;
  testFrom: string;
  testUntil: string;
  /** Null when the test rows hold a single outcome. */
  auc: number | null;
}

/** Share of dated rows, earliest first, that the holdout trains on; the latest rest is the test. */
export const TRAIN_SHARE = 0.8;

/**
 * Trains on the earliest 80 % of the rows that have a date and tests on the latest 20 %: what the model would
 * have scored had it been trained at the cut. Rows without a date take no part. Undefined with under 10 dated rows.
 */
export function timeHoldout(
  columns: readonly FeatureColumn[],
  outcomes: Uint8Array,
  dates: DateColumn,
  logistic?: Partial<LogisticOptions>,
): TimeHoldout | undefined {
  const dated: number[] = [];
  dates.values.forEach((time, row) => {
    if (!Number.isNaN(time)) dated.push(row);
  });
  if (dated.length < 10) return undefined;
  dated.sort((a, b) => dates.values[a]! - dates.values[b]! || a - b);
  const cut = Math.floor(dated.length * TRAIN_SHARE);
  const train = Int32Array.from(dated.slice(0, cut));
  const test = Int32Array.from(dated.slice(cut));
  const trainOutcomes = train.reduce((sum, row) => sum + outcomes[row]!, 0);
  let auc: number | null = null;
  if (trainOutcomes > 0 && trainOutcomes < train.length) {
    const model = fitModel(columns, outcomes, train, logistic);
    const predicted = predictRows(model, columnMap(columns), test);
    const value = rocAuc(
      predicted,
      Uint8Array.from(test, (row) => outcomes[row]!),
    );
    auc = Number.isNaN(value) ? null : value;
  }
  const iso = (row: number) => new Date(dates.values[row]!).toISOString();
  return {
    column: dates.name,
    trainRows: train.length,
    testRows: test.length,
    trainFrom: iso(train[0]!),
    trainUntil: iso(train[train.length - 1]!),
    testFrom: iso(test[0]!),
    testUntil: iso(test[test.length - 1]!),
    auc,
  };
}

/** The date column to order by when none is named: one whose name says "created", else the fullest. */
export function pickDateColumn(dates: readonly DateColumn[]): DateColumn | undefined {
  const filled = (column: DateColumn) => column.values.reduce((n, v) => (Number.isNaN(v) ? n : n + 1), 0);
  const created = dates.filter((column) => /creat/i.test(column.name));
  const candidates = created.length ? created : dates;
  return [...candidates].sort((a, b) => filled(b) - filled(a))[0];
}
