import { f, type FieldDef } from '../../../connectors/salesforce/sandbox/data/field-types.js';
import { findSObject } from '../../../connectors/salesforce/sandbox/data/sobject-schema.js';

/**
 * The sandbox's Lead has none of the LeadScore_*__c fields (setup creates them in a real org, and provision
 * is not implemented yet) nor State and City. Tests that read and write with mappings/salesforce.yaml add
 * them to the sandbox's Lead schema; the schema is module state, so this holds for one test file only.
 */
export function addLeadScoreFields(): void {
  const lead = findSObject('Lead');
  if (!lead) throw new Error('the sandbox has no Lead');
  const fields = lead.fields as FieldDef[];
  const add = (field: FieldDef) => {
    if (!fields.some((existing) => existing.name === field.name)) fields.push(field);
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
