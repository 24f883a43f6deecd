import type { Grade, LeadRef, ScoreStatus } from '../model/lead.js';

export type Section = 'fit' | 'engagement' | 'negative';
export type Dimension = 'fit' | 'engagement';

/** One rule's share of the score, in the order the reasons text lists them. */
export interface Contribution {
  rule: string;
  label: string;
  section: Section;
  dimension: Dimension;
  /** Integer points this rule adds to its dimension (after its own cap and decay). */
  points: number;
  /** Matching occurrences (1 for profile rules). */
  count: number;
  /** Mean decay factor of the counted occurrences (1 = no decay). */
  decay: number;
  capped: boolean;
}

/** Points added or removed after the rules: a group cap, a weight, the clamp of the total. */
export interface Adjustment {
  kind: 'cap' | 'weight' | 'clamp';
  dimension?: Dimension;
  points: number;
  label: string;
}

export interface ScoreResult {
  ref: LeadRef;
  score: number;
  fit: number;
  engagement: number;
  grade: Grade;
  status: ScoreStatus;
  /** Why the status is what it is, when the score alone does not say (exclusions, acceptance). */
  statusReason?: string;
  /** The short text for the CRM, at most 1,000 characters. */
  reasons: string;
  /** Model id and content hash, e.g. `default-b2b@1a2b3c4d`. */
  model: string;
  scoredAt: Date;
  contributions: Contribution[];
  adjustments: Adjustment[];
}
