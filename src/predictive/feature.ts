import { z } from 'zod';

export const FEATURE_KINDS = ['numeric', 'missing', 'level', 'activity_count', 'recency'] as const;
export type FeatureKind = (typeof FEATURE_KINDS)[number];

/** One column of the design matrix, with what it takes to compute it from a raw value. */
export const featureSchema = z
  .object({
    name: z.string(),
    column: z.string(),
    kind: z.enum(FEATURE_KINDS),
    /** level: the category, or OTHER_LEVEL / MISSING_LEVEL. */
    level: z.string().optional(),
    /** Scaled kinds: (value, or median when missing − mean) / std, all from the training rows. */
    mean: z.number().optional(),
    std: z.number().positive().optional(),
    median: z.number().optional(),
    /** level and missing: the share of training rows where the indicator is 1. */
    share: z.number().min(0).max(1).optional(),
  })
  .strict();
export type Feature = z.infer<typeof featureSchema>;

/** Levels seen too rarely to learn from, grouped. */
export const OTHER_LEVEL = '(other)';
export const MISSING_LEVEL = '(missing)';

export function isScaled(kind: FeatureKind): boolean {
  return kind === 'numeric' || kind === 'activity_count' || kind === 'recency';
}
