/**
 * Shared set-up for the `leadscore setup salesforce` contract tests: provisionSalesforce through the real
 * SalesforceApi (jsforce and the shared scheduler) against nock, answering with the shapes Salesforce
 * documents: describe (REST API guide, sObject Describe: `fields[]` with name, type, updateable, custom,
 * picklistValues), query results (`{totalSize, done, records}`; the Tooling API adds size, queryLocator and
 * entityTypeName), the single-record create answer (`201 {id, success, errors: []}`), sObject Collections
 * SaveResult lists, error arrays (`[{message, errorCode, fields}]`), Resources by Version (`identity` is the
 * session user's id URL) and the Tooling API's CustomField (`{FullName, Metadata}`).
 */
import nock from 'nock';
import { fileURLToPath } from 'node:url';
import { SalesforceApi } from '../../../../connectors/salesforce/salesforce-api.js';
import { salesforcePolicy } from '../../../../connectors/salesforce/salesforce-policy.js';
import { RequestScheduler } from '../../../../src/http/request-scheduler.js';
import { loadMapping } from '../../../../src/mapping/load-mapping.js';
import type { Mapping } from '../../../../src/mapping/mapping-schema.js';
import { DATA, INSTANCE, QUERY, queryResult } from './handoff-harness.js';
import type { RequestLog } from './handoff-harness.js';

export const TOOLING_QUERY = `${DATA}/tooling/query`;
export const CUSTOM_FIELD = `${DATA}/tooling/sobjects/CustomField`;
export const COLLECTIONS = `${DATA}/composite/sobjects`;
export const PERMISSION_SET_ID = '0PS5g000000AbCdGAK';
export const USER_ID = '0055g00000AbCdEAAV';
export const ASSIGNMENT_ID = '0Pa5g00000AbCdEAAV';
export const FIELDS = [
  ['LeadScore_Score__c', 'double'],
  ['LeadScore_Fit__c', 'double'],
  ['LeadScore_Engagement__c', 'double'],
  ['LeadScore_Grade__c', 'picklist'],
  ['LeadScore_MQL_Status__c', 'picklist'],
  ['LeadScore_Reasons__c', 'textarea'],
  ['LeadScore_Model__c', 'string'],
  ['LeadScore_Scored_At__c', 'datetime'],
  ['LeadScore_Predictive__c', 'double'],
] as const;
export const NAMES = FIELDS.map(([name]) => name);
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- request bodies are asserted field by field
export type Json = any;
export const PICKLISTS: Record<string, string[]> = {
  LeadScore_Grade__c: ['A', 'B', 'C', 'D'],
  LeadScore_MQL_Status__c: ['mql', 'nurture', 'disqualified', 'sales_accepted', 'sales_rejected'],
};

export const loadSalesforceMapping = (): Promise<Mapping> =>
  loadMapping(fileURLToPath(new URL('../../../../mappings/salesforce.yaml', import.meta.url)));

export const api = () =>
  new SalesforceApi(new RequestScheduler({ policy: salesforcePolicy({ concurrency: 1 }) }), {
    instanceUrl: INSTANCE,
    accessToken: '00Dxx0000001gPL!AQ4AQFake',
  });

/** A describe field entry with the keys Salesforce always sends that provisioning reads. */
export function describedField(name: string, type: string, extra: Record<string, unknown> = {}) {
  return {
    name,
    type,
    label: name,
    custom: name.endsWith('__c'),
    updateable: true,
    createable: true,
    nillable: true,
    picklistValues: (PICKLISTS[name] ?? []).map((value) => ({
      active: true,
      defaultValue: false,
      label: value,
      validFor: null,
      value,
    })),
    ...extra,
  };
}

export const describeLead = (fields: unknown[]) => ({
  name: 'Lead',
  fields: [describedField('Id', 'id', { updateable: false }), describedField('Email', 'email'), ...fields],
});

export const toolingResult = (records: { Id: string; DeveloperName: string }[]) => ({
  size: records.length,
  totalSize: records.length,
  done: true,
  queryLocator: null,
  entityTypeName: 'CustomField',
  records: records.map((r) => ({
    attributes: { type: 'CustomField', url: `${DATA}/tooling/sobjects/CustomField/${r.Id}` },
    ...r,
  })),
});

export const saved = (id: string) => ({ id, success: true, errors: [] });
export const resources = {
  sobjects: `${DATA}/sobjects`,
  identity: `https://login.salesforce.com/id/00D5g000000AbCdEAK/${USER_ID}`,
};

/** Answers the reads of an org in the given state: describe, the CustomField lookup, and (unless a conflict
 * stops setup before it) the permission set lookup. What is written is up to each test. */
export function org(
  log: RequestLog,
  state: {
    described: unknown[];
    customFields?: { Id: string; DeveloperName: string }[];
    permissionSet?: boolean | 'not reached';
  },
) {
  const scope = nock(INSTANCE);
  scope.get(`${DATA}/sobjects/Lead/describe`).reply(log.reply(200, describeLead(state.described)));
  scope
    .get(TOOLING_QUERY)
    .query(true)
    .reply(log.reply(200, toolingResult(state.customFields ?? [])));
  if (state.permissionSet === 'not reached') return scope;
  scope
    .get(QUERY)
    .query((q) => String(q.q).includes('FROM PermissionSet WHERE'))
    .reply(
      log.reply(200, queryResult('PermissionSet', state.permissionSet ? [{ Id: PERMISSION_SET_ID }] : [])),
    );
  return scope;
}

export const allDescribed = () => FIELDS.map(([name, type]) => describedField(name, type));
export const allPermissions = (edit = true) =>
  queryResult(
    'FieldPermissions',
    NAMES.map((name, i) => ({
      Id: `01k5g00000AbC${String(i).padStart(2, '0')}AAA`,
      Field: `Lead.${name}`,
      PermissionsRead: true,
      PermissionsEdit: edit,
    })),
  );

export function permissionsAndAssignment(
  scope: nock.Scope,
  log: RequestLog,
  permissions: unknown,
  assigned: boolean,
) {
  scope
    .get(QUERY)
    .query((q) => String(q.q).includes('FROM FieldPermissions WHERE ParentId'))
    .reply(log.reply(200, permissions));
  scope.get(`${DATA}/`).reply(log.reply(200, resources));
  scope
    .get(QUERY)
    .query((q) => String(q.q).includes('FROM PermissionSetAssignment WHERE'))
    .reply(log.reply(200, queryResult('PermissionSetAssignment', assigned ? [{ Id: ASSIGNMENT_ID }] : [])));
}
