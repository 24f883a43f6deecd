import { fileURLToPath } from 'node:url';
import { startSalesforceSandbox } from '../../../connectors/salesforce/sandbox/index.js';
import type { SalesforceSandbox } from '../../../connectors/salesforce/sandbox/index.js';
import { loadMapping } from '../../../src/mapping/load-mapping.js';
import type { Mapping } from '../../../src/mapping/mapping-schema.js';
import { addContactFields, withoutAccountFields } from './sandbox-contact-fields.js';
import { addLeadScoreFields } from './sandbox-lead-fields.js';

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

export interface ActivitiesOrg {
  sandbox: SalesforceSandbox;
  leadMapping: Mapping;
  /** The shipped Contact mapping without its Account fields (the sandbox's Contacts have no Account path). */
  contactMapping: Mapping;
}

/** A sandbox org whose Leads and Contacts have the score fields, with the shipped mappings of both. */
export async function startActivitiesOrg(options: {
  leads: number;
  contacts: number;
  seed?: number;
}): Promise<ActivitiesOrg> {
  const sandbox = await startSalesforceSandbox(options);
  addLeadScoreFields(sandbox);
  addContactFields(sandbox);
  return {
    sandbox,
    leadMapping: await loadMapping(root('mappings/salesforce.yaml')),
    contactMapping: withoutAccountFields(await loadMapping(root('mappings/salesforce-contact.yaml'))),
  };
}
