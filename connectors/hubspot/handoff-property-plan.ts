import type { HubSpotHandoffConfig } from './handoff-config.js';

type LifecycleConfig = NonNullable<HubSpotHandoffConfig['lifecycle_stage']>;
type LeadStatusConfig = NonNullable<HubSpotHandoffConfig['lead_status']>;

/** Write `value` (and say `done` once written), or leave the property as it is for the reason in `skip`. */
export type PropertyPlan = { write: string; done: string } | { skip: string };

/**
 * Lifecycle stages only move forward: HubSpot does not normally let lifecyclestage move backwards (it has to
 * be cleared first), and a stage sales has reached must not be undone by marketing. A stage outside the
 * configured order (`other`, a custom stage) is never overwritten, since where it sits is unknown.
 */
export function planLifecycleStage(current: string | undefined, config: LifecycleConfig): PropertyPlan {
  const target = config.stage;
  if (current === undefined) return { write: target, done: `lifecyclestage set to ${target} (was empty)` };
  if (current === target) return { skip: `already ${current}` };
  const at = config.order.indexOf(current);
  if (at < 0) {
    return { skip: `left at ${current}: not in the lifecycle order, so never overwritten` };
  }
  if (at > config.order.indexOf(target)) return { skip: `already ${current}` };
  return { write: target, done: `lifecyclestage set to ${target} (was ${current})` };
}

/** The configured lead status, unless the contact already has it or a status the config preserves. */
export function planLeadStatus(current: string | undefined, config: LeadStatusConfig): PropertyPlan {
  const target = config.value;
  if (current === target) return { skip: `already ${current}` };
  if (current !== undefined && config.preserve.includes(current)) {
    return { skip: `left at ${current} (preserved by configuration)` };
  }
  return { write: target, done: `hs_lead_status set to ${target} (was ${current ?? 'empty'})` };
}
