import { describe, expect, it } from '@jest/globals';
import { columnSignals } from '../../../src/predictive/column-signals.js';
import { categoricalColumn } from '../../../src/predictive/feature-column.js';
import type { FeatureColumn } from '../../../src/predictive/feature-column.js';
import { stratifiedFolds } from '../../../src/predictive/folds.js';
import { leakageWarning, leakyColumns } from '../../../src/predictive/leakage.js';
import { seededRandom } from '../../../src/predictive/random.js';

const n = 400;
const random = seededRandom(5);
const outcomes = Uint8Array.from({ length: n }, () => (random() < 0.4 ? 1 : 0));
const foldOf = stratifiedFolds(outcomes, 5, 42);
// Filled in by sales for the 60 % of leads they called, telling the outcome; empty for the others.
const callResult = categoricalColumn(
  'Call result',
  Array.from(outcomes, (o, i) => (i % 5 < 2 ? undefined : o ? 'Will buy' : 'Not interested')),
);
const noise = categoricalColumn(
  'Region',
  Array.from({ length: n }, () => ['N', 'S', 'E', 'W'][Math.floor(random() * 4)]),
);
const visits: FeatureColumn = {
  name: 'Visits',
  kind: 'numeric',
  values: Float64Array.from(outcomes, (o) => o * 2 + random() * 4),
};
const identifierLike = categoricalColumn(
  'Ticket',
  Array.from({ length: n }, (_, i) => `T-${i}`),
);

describe('columnSignals and leakage', () => {
  const signals = columnSignals([callResult, noise, visits, identifierLike], outcomes, foldOf);
  const signal = (name: string) => signals.find((s) => s.column === name)!;

  it('finds a column that tells the outcome wherever it has a value', () => {
    expect(signal('Call result').aucWherePresent).toBe(1);
    expect(signal('Call result').present).toBeCloseTo(0.6, 12);
    expect(leakyColumns(signals).map((s) => s.column)).toEqual(['Call result']);
  });

  it('warns naming the column and the --exclude that leaves it out', () => {
    expect(leakageWarning(signal('Call result'), 'Converted')).toMatch(
      /^column "Call result" predicts Converted almost perfectly \(ROC AUC 1\.000 on its own where it has a value \(60 % of rows\)\).*--exclude "Call result"$/,
    );
  });

  it('learns category rates out of fold, so a column of unique values cannot look predictive', () => {
    expect(signal('Ticket').auc).toBeLessThan(0.6);
    expect(signal('Region').auc).toBeLessThan(0.6);
  });

  it('ranks numbers as they are, whichever way they point', () => {
    expect(signal('Visits').auc).toBeGreaterThan(0.7);
    expect(signal('Visits').auc).toBeLessThan(0.95);
  });
});
