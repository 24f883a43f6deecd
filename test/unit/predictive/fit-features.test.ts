import { describe, expect, it } from '@jest/globals';
import { designMatrix, allRows } from '../../../src/predictive/design-matrix.js';
import { categoricalColumn } from '../../../src/predictive/feature-column.js';
import type { FeatureColumn } from '../../../src/predictive/feature-column.js';
import { fitFeatures, minLevelCount } from '../../../src/predictive/fit-features.js';

const numeric = (name: string, values: number[]): FeatureColumn => ({
  name,
  kind: 'numeric',
  values: Float64Array.from(values),
});

describe('fitFeatures', () => {
  it('imputes a missing number with the median, then standardises, and adds a missing indicator', () => {
    const column = numeric('visits', [1, 2, NaN, 10]);
    const features = fitFeatures([column], allRows(4));
    // Imputed: 1, 2, 2, 10 → mean 3.75, population std √13.1875.
    expect(features).toEqual([
      { name: 'visits', column: 'visits', kind: 'numeric', median: 2, mean: 3.75, std: Math.sqrt(13.1875) },
      { name: 'visits (missing)', column: 'visits', kind: 'missing', share: 0.25 },
    ]);
    const { x } = designMatrix(features, new Map([['visits', column]]), allRows(4));
    expect(x[2 * 2]).toBeCloseTo((2 - 3.75) / Math.sqrt(13.1875), 12);
    expect(x[2 * 2 + 1]).toBe(1);
  });

  it('adds no missing indicator to a column without missing values', () => {
    expect(fitFeatures([numeric('visits', [1, 2, 3])], allRows(3)).map((f) => f.kind)).toEqual(['numeric']);
  });

  it('groups levels seen fewer than max(10, 0.5 % of rows) times into (other), and missing into its own level', () => {
    const values = [
      ...Array<string>(30).fill('Google'),
      ...Array<string>(12).fill('Direct'),
      ...Array<string>(9).fill('Fax'),
      'Pigeon',
      undefined,
    ];
    const features = fitFeatures([categoricalColumn('source', values)], allRows(values.length));
    expect(features.map((f) => f.name)).toEqual([
      'source = Google',
      'source = Direct',
      'source = (other)',
      'source = (missing)',
    ]);
    expect(features[2]!.share).toBeCloseTo(10 / 53, 12);
  });

  it('raises the rare-level threshold to 0.5 % of rows on large files', () => {
    expect(minLevelCount(1000)).toBe(10);
    expect(minLevelCount(10_000)).toBe(50);
  });

  it('encodes a level the model never saw as (other)', () => {
    const train = categoricalColumn('source', [...Array<string>(10).fill('A'), 'rare']);
    const features = fitFeatures([train], allRows(11));
    const later = categoricalColumn('source', ['never seen']);
    const { x } = designMatrix(features, new Map([['source', later]]), allRows(1));
    expect(Array.from(x)).toEqual([0, 1]);
  });
});
