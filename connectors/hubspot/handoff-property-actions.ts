import type { Transition } from '../../src/connector/crm-adapter.js';
import type { HubSpotApi } from './hubspot-api.js';
import type { HubSpotHandoffConfig } from './handoff-config.js';
import type { ContactLookup } from './handoff-contacts.js';
import type { HandoffOutcomes } from '../../src/connector/handoff-outcomes.js';
import { planLeadStatus, planLifecycleStage } from './handoff-property-plan.js';
import type { PropertyPlan } from './handoff-property-plan.js';
import { writeHandoffProperties, writeKey } from './handoff-property-writes.js';
import type { PropertyWrite } from './handoff-property-writes.js';

export type PropertyAction = 'lifecycle_stage' | 'lead_status';

export interface PropertyJob {
  index: number;
  action: PropertyAction;
  transition: Transition;
}

const PROPERTY: Record<PropertyAction, string> = {
  lifecycle_stage: 'lifecyclestage',
  lead_status: 'hs_lead_status',
};

/**
 * Lifecycle stage and lead status for every job at once: plans each from the contact's current values
 * (already read), then writes all of them together in batch updates, each contact once.
 */
export async function runPropertyActions(
  api: HubSpotApi,
  config: HubSpotHandoffConfig,
  jobs: PropertyJob[],
  lookups: ReadonlyMap<string, ContactLookup>,
  outcomes: HandoffOutcomes,
): Promise<void> {
  const pending: { job: PropertyJob; done: string }[] = [];
  const writes: PropertyWrite[] = [];
  for (const job of jobs) {
    const id = job.transition.ref.id;
    const lookup = lookups.get(id);
    if (lookup?.state !== 'found') {
      const detail = lookup?.state === 'unread' ? lookup.detail : `contact ${id} not found in HubSpot`;
      outcomes.set(job.index, job.action, { ok: false, detail });
      continue;
    }
    const plan = planFor(job.action, lookup.contact.lifecycleStage, lookup.contact.leadStatus, config);
    if ('skip' in plan) {
      outcomes.set(job.index, job.action, { ok: true, detail: plan.skip });
      continue;
    }
    pending.push({ job, done: plan.done });
    writes.push({ contactId: id, property: PROPERTY[job.action], value: plan.write });
  }
  if (writes.length === 0) return;
  const written = await writeHandoffProperties(api, writes);
  for (const { job, done } of pending) {
    const failure = written.get(writeKey(job.transition.ref.id, PROPERTY[job.action]));
    outcomes.set(
      job.index,
      job.action,
      failure === undefined ? { ok: true, detail: done } : { ok: false, detail: `not written: ${failure}` },
    );
  }
}

function planFor(
  action: PropertyAction,
  lifecycleStage: string | undefined,
  leadStatus: string | undefined,
  config: HubSpotHandoffConfig,
): PropertyPlan {
  if (action === 'lifecycle_stage') {
    return config.lifecycle_stage
      ? planLifecycleStage(lifecycleStage, config.lifecycle_stage)
      : { skip: 'not configured' };
  }
  return config.lead_status ? planLeadStatus(leadStatus, config.lead_status) : { skip: 'not configured' };
}
