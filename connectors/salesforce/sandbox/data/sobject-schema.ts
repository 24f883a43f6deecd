import { KEY_PREFIXES } from '../ids.js';
import { f, type FieldDef, type SObjectDef } from './field-types.js';

export type { SObjectDef } from './field-types.js';
import * as P from './picklists.js';
import { AUTOMATION_SOBJECTS } from './automation-sobjects.js';
import { EMAIL_SOBJECTS } from './email-sobjects.js';
import { OPPORTUNITY_SOBJECTS } from './opportunity-sobjects.js';
import { SETUP_SOBJECTS } from './setup-sobjects.js';
import { TOOLING_SOBJECTS } from './tooling-sobjects.js';

const audit = (): FieldDef[] => [
  f('CreatedDate', 'datetime'),
  f('LastModifiedDate', 'datetime'),
  f('SystemModstamp', 'datetime'),
];
const owner = (): FieldDef =>
  f('OwnerId', 'reference', { referenceTo: ['User'], relationshipName: 'Owner', label: 'Owner ID' });
const who = (): FieldDef =>
  f('WhoId', 'reference', { referenceTo: ['Contact', 'Lead'], relationshipName: 'Who', label: 'Name ID' });
const INSERT_ONLY = { updateable: false, createable: true } as const;
const pick = (name: string, values: readonly string[], defaultValue?: string): FieldDef =>
  f(name, 'picklist', { picklistValues: values, ...(defaultValue ? { defaultValue } : {}) });

const LEAD: SObjectDef = {
  name: 'Lead',
  label: 'Lead',
  labelPlural: 'Leads',
  keyPrefix: KEY_PREFIXES.Lead,
  fields: [
    f('Id', 'id'),
    pick('Salutation', P.SALUTATIONS),
    f('FirstName', 'string'),
    f('LastName', 'string', { nillable: false }),
    f('Name', 'string', { updateable: false }),
    f('Title', 'string'),
    f('Company', 'string', { nillable: false }),
    f('Email', 'email'),
    f('Phone', 'phone'),
    f('Country', 'string'),
    pick('Status', P.LEAD_STATUSES, 'Open - Not Contacted'),
    pick('LeadSource', P.LEAD_SOURCES),
    pick('Industry', P.INDUSTRIES),
    pick('Rating', P.RATINGS),
    f('NumberOfEmployees', 'int'),
    f('AnnualRevenue', 'double'),
    f('IsConverted', 'boolean', { updateable: false }),
    f('ConvertedDate', 'date', { updateable: false }),
    f('ConvertedContactId', 'reference', {
      referenceTo: ['Contact'],
      relationshipName: 'ConvertedContact',
      updateable: false,
    }),
    f('ConvertedOpportunityId', 'reference', {
      referenceTo: ['Opportunity'],
      relationshipName: 'ConvertedOpportunity',
      updateable: false,
    }),
    f('HasOptedOutOfEmail', 'boolean'),
    f('State', 'string'),
    f('City', 'string'),
    f('Description', 'textarea'),
    owner(),
    ...audit(),
  ],
};

const ACCOUNT: SObjectDef = {
  name: 'Account',
  label: 'Account',
  labelPlural: 'Accounts',
  keyPrefix: KEY_PREFIXES.Account,
  fields: [
    f('Id', 'id'),
    f('Name', 'string', { nillable: false }),
    pick('Industry', P.INDUSTRIES),
    f('NumberOfEmployees', 'int'),
    f('AnnualRevenue', 'double'),
    f('BillingCountry', 'string'),
    owner(),
    ...audit(),
  ],
};

const CONTACT: SObjectDef = {
  name: 'Contact',
  label: 'Contact',
  labelPlural: 'Contacts',
  keyPrefix: KEY_PREFIXES.Contact,
  fields: [
    f('Id', 'id'),
    pick('Salutation', P.SALUTATIONS),
    f('FirstName', 'string'),
    f('LastName', 'string', { nillable: false }),
    f('Name', 'string', { updateable: false }),
    f('Title', 'string'),
    f('Email', 'email'),
    f('Phone', 'phone'),
    f('MailingCountry', 'string'),
    f('MailingState', 'string'),
    f('MailingCity', 'string'),
    f('Department', 'string'),
    f('AccountId', 'reference', {
      referenceTo: ['Account'],
      relationshipName: 'Account',
      label: 'Account ID',
    }),
    // Set by Salesforce's bounce management, not by users.
    f('IsEmailBounced', 'boolean', { updateable: false }),
    pick('LeadSource', P.LEAD_SOURCES),
    f('HasOptedOutOfEmail', 'boolean'),
    f('Description', 'textarea'),
    owner(),
    ...audit(),
  ],
};

const activity = (): FieldDef[] => [
  f('Id', 'id'),
  who(),
  f('Subject', 'string'),
  f('ActivityDate', 'date'),
  f('Description', 'textarea'),
  owner(),
];

const TASK: SObjectDef = {
  name: 'Task',
  label: 'Task',
  labelPlural: 'Tasks',
  keyPrefix: KEY_PREFIXES.Task,
  fields: [
    ...activity(),
    pick('Type', P.TASK_TYPES),
    pick('TaskSubtype', P.TASK_SUBTYPES),
    pick('Status', P.TASK_STATUSES, 'Not Started'),
    pick('Priority', P.PRIORITIES, 'Normal'),
    f('IsClosed', 'boolean', { updateable: false }),
    f('CompletedDateTime', 'datetime', { updateable: false }),
    ...audit(),
  ],
};

const EVENT: SObjectDef = {
  name: 'Event',
  label: 'Event',
  labelPlural: 'Events',
  keyPrefix: KEY_PREFIXES.Event,
  fields: [
    ...activity(),
    pick('Type', P.EVENT_TYPES),
    pick('EventSubtype', ['Event']),
    f('StartDateTime', 'datetime'),
    f('EndDateTime', 'datetime'),
    f('DurationInMinutes', 'int'),
    ...audit(),
  ],
};

const CAMPAIGN: SObjectDef = {
  name: 'Campaign',
  label: 'Campaign',
  labelPlural: 'Campaigns',
  keyPrefix: KEY_PREFIXES.Campaign,
  fields: [
    f('Id', 'id'),
    f('Name', 'string', { nillable: false }),
    pick('Type', P.CAMPAIGN_TYPES),
    pick('Status', P.CAMPAIGN_STATUSES),
    f('IsActive', 'boolean'),
    f('StartDate', 'date'),
    f('EndDate', 'date'),
    owner(),
    ...audit(),
  ],
};

const CAMPAIGN_MEMBER: SObjectDef = {
  name: 'CampaignMember',
  label: 'Campaign Member',
  labelPlural: 'Campaign Members',
  keyPrefix: KEY_PREFIXES.CampaignMember,
  fields: [
    f('Id', 'id'),
    f('CampaignId', 'reference', {
      referenceTo: ['Campaign'],
      relationshipName: 'Campaign',
      updateable: false,
      createable: true,
    }),
    f('LeadId', 'reference', { referenceTo: ['Lead'], relationshipName: 'Lead', ...INSERT_ONLY }),
    f('ContactId', 'reference', { referenceTo: ['Contact'], relationshipName: 'Contact', ...INSERT_ONLY }),
    pick('Status', P.MEMBER_STATUSES),
    f('HasResponded', 'boolean', { updateable: false }),
    f('FirstRespondedDate', 'date', { updateable: false }),
    ...audit(),
  ],
};

const USER: SObjectDef = {
  name: 'User',
  label: 'User',
  labelPlural: 'Users',
  keyPrefix: KEY_PREFIXES.User,
  createable: false,
  fields: [
    f('Id', 'id'),
    f('Name', 'string', { updateable: false }),
    f('Username', 'string'),
    f('Email', 'email'),
    f('IsActive', 'boolean'),
    ...audit(),
  ],
};

export const SOBJECTS: readonly SObjectDef[] = [
  LEAD,
  ACCOUNT,
  CONTACT,
  TASK,
  EVENT,
  CAMPAIGN,
  CAMPAIGN_MEMBER,
  USER,
  ...EMAIL_SOBJECTS,
  ...OPPORTUNITY_SOBJECTS,
  ...SETUP_SOBJECTS,
  ...AUTOMATION_SOBJECTS,
  ...TOOLING_SOBJECTS,
];

/** Field names are case-insensitive in SOQL and in request bodies. */
export function findField(sobject: SObjectDef, name: string): FieldDef | undefined {
  const lower = name.toLowerCase();
  return sobject.fields.find((field) => field.name.toLowerCase() === lower);
}

export function findRelationship(sobject: SObjectDef, name: string): FieldDef | undefined {
  const lower = name.toLowerCase();
  return sobject.fields.find((field) => field.relationshipName?.toLowerCase() === lower);
}
