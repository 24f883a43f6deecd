import type { SalesforceSandbox } from '../../../connectors/salesforce/sandbox/index.js';
import { f, type FieldDef } from '../../../connectors/salesforce/sandbox/data/field-types.js';
import { findField } from '../../../connectors/salesforce/sandbox/data/sobject-schema.js';

/**
 * The sandbox's Lead has none of the LeadScore_*__c fields (`leadscore setup salesforce` creates them) nor
 * State and City. Tests that read and write with mappings/salesforce.yaml but are not about provisioning add
 * them to this sandbox's own Lead schema; other sandboxes are not affected.
 */
export function addLeadScoreFields(sandbox: SalesforceSandbox): void {
  const { schema } = sandbox.store;
  const add = (field: FieldDef) => {
    const lead = schema.find('Lead');
    if (lead && !findField(lead, field.name)) schema.addField('Lead', field);
  };
  add(f('State', 'string'));
  add(f('City', 'string'));
  add(f('LeadScore_Score__c', 'double'));
  add(f('LeadScore_Fit__c', 'double'));
  add(f('LeadScore_Engagement__c', 'double'));
  add(f('LeadScore_Grade__c', 'string'));
  add(f('LeadScore_MQL_Status__c', 'string'));
  add(f('LeadScore_Reasons__c', 'textarea'));
  add(f('LeadScore_Model__c', 'string'));
  add(f('LeadScore_Scored_At__c', 'datetime'));
  add(f('LeadScore_Predictive__c', 'double'));
}
