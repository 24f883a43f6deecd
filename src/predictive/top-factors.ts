import { isScaled } from './feature.js';
import type { Feature, FeatureKind } from './feature.js';

export interface Factor {
  feature: string;
  column: string;
  kind: FeatureKind;
  level?: string;
  coefficient: number;
  /**
   * Coefficient × the feature's standard deviation, signed: the change in log-odds for one typical step of
   * the feature, comparable across numbers and categories. Positive raises the chance of converting.
   */
  impact: number;
}

/** The features that move predictions most, largest |impact| first. */
export function topFactors(
  model: { features: readonly Feature[]; coefficients: ArrayLike<number> },
  limit = 10,
): Factor[] {
  return model.features
    .map((feature, j) => {
      const coefficient = model.coefficients[j]!;
      // Scaled features are already in standard deviations; an indicator's is √(share·(1 − share)).
      const share = feature.share ?? 0;
      const std = isScaled(feature.kind) ? 1 : Math.sqrt(share * (1 - share));
      const factor: Factor = {
        feature: feature.name,
        column: feature.column,
        kind: feature.kind,
        coefficient,
        impact: coefficient * std,
      };
      if (feature.level !== undefined) factor.level = feature.level;
      return factor;
    })
    .sort((a, b) => Math.abs(b.impact) - Math.abs(a.impact) || (a.feature < b.feature ? -1 : 1))
    .slice(0, limit);
}
