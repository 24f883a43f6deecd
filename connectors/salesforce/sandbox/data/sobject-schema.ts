import { KEY_PREFIXES } from '../ids.js';
import { f, type FieldDef, type SObjectDef } from './field-types.js';

export type { SObjectDef } from './field-types.js';
import * as P from './picklists.js';

const audit = (): FieldDef[] => [
  f('CreatedDate', 'datetime'),
  f('LastModifiedDate', 'datetime'),
  f('SystemModstamp', 'datetime'),
];
const owner = (): FieldDef =>
  f('OwnerId', 'reference', { referenceTo: ['User'], relationshipName: 'Owner', label: 'Owner ID' });
const who = (): FieldDef =>
  f('WhoId', 'reference', { referenceTo: ['Contact', 'Lead'], relationshipName: 'Who', label: 'Name ID' });
const pick = (name: string, values: readonly string[]): FieldDef =>
  f(name, 'picklist', { picklistValues: values });

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
    pick('Status', P.LEAD_STATUSES),
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
    f('HasOptedOutOfEmail', 'boolean'),
    f('Description', 'textarea'),
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
    pick('Status', P.TASK_STATUSES),
    pick('Priority', P.PRIORITIES),
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
    }),
    f('LeadId', 'reference', { referenceTo: ['Lead'], relationshipName: 'Lead', updateable: false }),
    f('ContactId', 'reference', { referenceTo: ['Contact'], relationshipName: 'Contact', updateable: false }),
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
  fields: [
    f('Id', 'id'),
    f('Name', 'string', { updateable: false }),
    f('Username', 'string'),
    f('Email', 'email'),
    f('IsActive', 'boolean'),
    ...audit(),
  ],
};

export const SOBJECTS: readonly SObjectDef[] = [LEAD, CONTACT, TASK, EVENT, CAMPAIGN, CAMPAIGN_MEMBER, USER];

/** Object and field names are case-insensitive in SOQL and in request bodies. */
export function findSObject(name: string): SObjectDef | undefined {
  const lower = name.toLowerCase();
  return SOBJECTS.find((s) => s.name.toLowerCase() === lower);
}

export function findField(sobject: SObjectDef, name: string): FieldDef | undefined {
  const lower = name.toLowerCase();
  return sobject.fields.find((field) => field.name.toLowerCase() === lower);
}

export function findRelationship(sobject: SObjectDef, name: string): FieldDef | undefined {
  const lower = name.toLowerCase();
  return sobject.fields.find((field) => field.relationshipName?.toLowerCase() === lower);
}

export function sobjectForId(id: string): SObjectDef | undefined {
  return SOBJECTS.find((s) => id.startsWith(s.keyPrefix));
}
