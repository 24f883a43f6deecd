import type { DecaySpec } from './model-schema.js';

export const DAY_MS = 86_400_000;

/** Factor in [0, 1] by which an interaction of the given age (ms) still counts. */
export type DecayFunction = (ageMs: number) => number;

/**
 * `halfLifeDays: 30` halves points continuously every 30 days (exactly 0.5 at 30 days).
 * `percent: 10, everyDays: 30` takes 10 % off per full period: ×1 up to one day before day 30,
 * ×0.9 from day 30 on, ×0.81 from day 60 — the stepwise decay CRM admins know from HubSpot.
 */
export function compileDecay(spec: DecaySpec): DecayFunction {
  if (spec === 'none') return () => 1;
  if ('halfLifeDays' in spec) {
    const halfLifeMs = spec.halfLifeDays * DAY_MS;
    return (ageMs) => Math.pow(0.5, ageMs / halfLifeMs);
  }
  const keep = 1 - spec.percent / 100;
  const periodMs = spec.everyDays * DAY_MS;
  return (ageMs) => Math.pow(keep, Math.floor(ageMs / periodMs));
}

export function describeDecay(spec: DecaySpec): string {
  if (spec === 'none') return 'no decay';
  if ('halfLifeDays' in spec) return `half-life ${spec.halfLifeDays} days`;
  return `−${spec.percent} % every ${spec.everyDays} days`;
}
