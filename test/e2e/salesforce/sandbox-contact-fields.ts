import type { SalesforceSandbox } from '../../../connectors/salesforce/sandbox/index.js';
import { f, type FieldDef } from '../../../connectors/salesforce/sandbox/data/field-types.js';
import { findField } from '../../../connectors/salesforce/sandbox/data/sobject-schema.js';
import type { Mapping } from '../../../src/mapping/mapping-schema.js';

const SCORE_FIELDS: FieldDef[] = [
  f('LeadScore_Score__c', 'double'),
  f('LeadScore_Fit__c', 'double'),
  f('LeadScore_Engagement__c', 'double'),
  f('LeadScore_Grade__c', 'string'),
  f('LeadScore_MQL_Status__c', 'string'),
  f('LeadScore_Reasons__c', 'textarea'),
  f('LeadScore_Model__c', 'string'),
  f('LeadScore_Scored_At__c', 'datetime'),
  f('LeadScore_Predictive__c', 'double'),
];

/**
 * The sandbox's Contact has MailingCountry but not MailingState, MailingCity, Department or IsEmailBounced,
 * nor the LeadScore_*__c fields; this adds them to this sandbox's own Contact schema.
 */
export function addContactFields(sandbox: SalesforceSandbox): void {
  const { schema } = sandbox.store;
  const fields = [
    f('MailingState', 'string'),
    f('MailingCity', 'string'),
    f('Department', 'string'),
    f('IsEmailBounced', 'boolean'),
    ...SCORE_FIELDS,
  ];
  for (const field of fields) {
    const contact = schema.find('Contact');
    if (contact && !findField(contact, field.name)) schema.addField('Contact', field);
  }
}

/**
 * mappings/salesforce-contact.yaml without the fields it reads through Contact.Account: the sandbox has no
 * Account object (a real org always has one).
 */
export function withoutAccountFields(mapping: Mapping): Mapping {
  const fields = Object.fromEntries(
    Object.entries(mapping.fields).filter(([, property]) => !property.startsWith('Account.')),
  );
  return { ...mapping, fields };
}
