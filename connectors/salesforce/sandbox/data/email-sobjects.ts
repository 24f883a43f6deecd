import { KEY_PREFIXES } from '../ids.js';
import { f, type SObjectDef } from './field-types.js';
import { EMAIL_RELATION_TYPES, EMAIL_STATUSES } from './picklists.js';

const INSERT_ONLY = { updateable: false, createable: true } as const;

/**
 * An email (Enhanced Email). It names no Lead or Contact itself: its sender and recipients are
 * EmailMessageRelation records. Incoming is true for an email received, false for one sent from Salesforce.
 */
const EMAIL_MESSAGE: SObjectDef = {
  name: 'EmailMessage',
  label: 'Email Message',
  labelPlural: 'Email Messages',
  keyPrefix: KEY_PREFIXES.EmailMessage,
  fields: [
    f('Id', 'id'),
    f('Subject', 'string', { length: 3000 }),
    f('TextBody', 'textarea'),
    f('FromName', 'string', { length: 1000 }),
    f('FromAddress', 'email'),
    f('ToAddress', 'string', { length: 4000 }),
    f('CcAddress', 'string', { length: 4000 }),
    f('Incoming', 'boolean', INSERT_ONLY),
    f('MessageDate', 'datetime'),
    f('Status', 'picklist', { picklistValues: EMAIL_STATUSES, defaultValue: '0' }),
    f('ActivityId', 'reference', {
      referenceTo: ['Task'],
      relationshipName: 'Activity',
      label: 'Activity ID',
    }),
    f('CreatedDate', 'datetime'),
    f('LastModifiedDate', 'datetime'),
    f('SystemModstamp', 'datetime'),
  ],
};

/**
 * One sender or recipient of an email: RelationId is the Contact, Lead or User its address matched (null
 * when it matched none), RelationObjectType that record's type. Relations are inserted, never edited.
 */
const EMAIL_MESSAGE_RELATION: SObjectDef = {
  name: 'EmailMessageRelation',
  label: 'Email Message Relation',
  labelPlural: 'Email Message Relations',
  keyPrefix: KEY_PREFIXES.EmailMessageRelation,
  fields: [
    f('Id', 'id'),
    f('EmailMessageId', 'reference', {
      referenceTo: ['EmailMessage'],
      relationshipName: 'EmailMessage',
      label: 'Email Message ID',
      nillable: false,
      ...INSERT_ONLY,
    }),
    f('RelationId', 'reference', {
      referenceTo: ['Contact', 'Lead', 'User'],
      relationshipName: 'Relation',
      label: 'Relation ID',
      ...INSERT_ONLY,
    }),
    f('RelationObjectType', 'string', { updateable: false, createable: false }),
    f('RelationType', 'picklist', {
      picklistValues: EMAIL_RELATION_TYPES,
      restrictedPicklist: true,
      nillable: false,
      ...INSERT_ONLY,
    }),
    f('RelationAddress', 'string', INSERT_ONLY),
    f('CreatedDate', 'datetime'),
    f('SystemModstamp', 'datetime'),
  ],
};

export const EMAIL_SOBJECTS: readonly SObjectDef[] = [EMAIL_MESSAGE, EMAIL_MESSAGE_RELATION];
