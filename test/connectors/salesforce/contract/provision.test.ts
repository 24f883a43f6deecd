/** `leadscore setup salesforce`, the score fields: Tooling API CustomField against nock (shapes: provision-harness). */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { provisionSalesforce } from '../../../../connectors/salesforce/provision-fields.js';
import { ConnectorConfigError, ConnectorRequestError } from '../../../../src/connector/connector-errors.js';
import type { Mapping } from '../../../../src/mapping/mapping-schema.js';
import { DATA, QUERY, RequestLog, guardNetwork, queryResult } from './handoff-harness.js';
import {
  ASSIGNMENT_ID,
  COLLECTIONS,
  CUSTOM_FIELD,
  FIELDS,
  NAMES,
  PERMISSION_SET_ID,
  PICKLISTS,
  TOOLING_QUERY,
  USER_ID,
  allDescribed,
  allPermissions,
  api,
  describedField,
  loadSalesforceMapping,
  org,
  permissionsAndAssignment,
  resources,
  saved,
  type Json,
} from './provision-harness.js';

guardNetwork({ beforeAll, afterEach, afterAll });

let mapping: Mapping;
beforeAll(async () => {
  mapping = await loadSalesforceMapping();
});

describe('provision: score fields through the Tooling API', () => {
  it('creates every missing field with the Metadata of its type, then the permission set, grants and assignment', async () => {
    const log = new RequestLog();
    const scope = org(log, { described: [] });
    scope
      .post(CUSTOM_FIELD)
      .times(FIELDS.length)
      .reply(log.reply(201, saved('00N5g00000AbCdEEAV')));
    scope.post(`${DATA}/sobjects/PermissionSet`).reply(log.reply(201, saved(PERMISSION_SET_ID)));
    scope
      .get(QUERY)
      .query((q) => String(q.q).includes('FROM FieldPermissions'))
      .reply(log.reply(200, queryResult('FieldPermissions', [])));
    scope.post(COLLECTIONS).reply(
      log.reply(
        200,
        NAMES.map((_, i) => saved(`01k5g00000AbC${i}0AAA`)),
      ),
    );
    scope.get(`${DATA}/`).reply(log.reply(200, resources));
    scope
      .get(QUERY)
      .query((q) => String(q.q).includes('FROM PermissionSetAssignment'))
      .reply(log.reply(200, queryResult('PermissionSetAssignment', [])));
    scope.post(`${DATA}/sobjects/PermissionSetAssignment`).reply(log.reply(201, saved(ASSIGNMENT_ID)));

    const report = await provisionSalesforce(api(), mapping);

    const fields = log.to('POST', CUSTOM_FIELD).map((s) => s.body);
    expect(fields.map((b) => b.FullName)).toEqual(NAMES.map((name) => `Lead.${name}`));
    const byName: Record<string, Json> = Object.fromEntries(
      fields.map((b) => [b.FullName.split('.')[1], b.Metadata]),
    );
    expect(byName.LeadScore_Score__c).toMatchObject({ type: 'Number', precision: 18, scale: 0 });
    expect(byName.LeadScore_Predictive__c).toMatchObject({ type: 'Number', precision: 3, scale: 0 });
    expect(byName.LeadScore_Reasons__c).toMatchObject({
      type: 'LongTextArea',
      length: 32768,
      visibleLines: 5,
    });
    expect(byName.LeadScore_Model__c).toMatchObject({ type: 'Text', length: 255 });
    expect(byName.LeadScore_Scored_At__c).toMatchObject({ type: 'DateTime' });
    for (const [name, values] of Object.entries(PICKLISTS)) {
      expect(byName[name]).toMatchObject({ type: 'Picklist', valueSet: { restricted: true } });
      expect(
        byName[name].valueSet.valueSetDefinition.value.map((v: { valueName: string }) => v.valueName),
      ).toEqual(values);
    }
    expect(Object.values(byName).every((m) => typeof m.label === 'string' && m.label.length <= 40)).toBe(
      true,
    );

    expect(log.to('POST', `${DATA}/sobjects/PermissionSet`)[0]?.body).toMatchObject({
      Name: 'Lead_Scoring',
      Label: 'Lead Scoring',
    });
    const grants = log.to('POST', COLLECTIONS)[0]?.body;
    expect(grants.allOrNone).toBe(false);
    expect(grants.records).toEqual(
      NAMES.map((name) => ({
        attributes: { type: 'FieldPermissions' },
        ParentId: PERMISSION_SET_ID,
        SobjectType: 'Lead',
        Field: `Lead.${name}`,
        PermissionsRead: true,
        PermissionsEdit: true,
      })),
    );
    expect(log.to('POST', `${DATA}/sobjects/PermissionSetAssignment`)[0]?.body).toEqual({
      PermissionSetId: PERMISSION_SET_ID,
      AssigneeId: USER_ID,
    });
    expect(report.changes.every((c) => c.outcome === 'created')).toBe(true);
    expect(report.changes).toHaveLength(NAMES.length * 2 + 2);
  });

  it('looks up existing custom fields by DeveloperName (no __c) on the object', async () => {
    const log = new RequestLog();
    const scope = org(log, { described: allDescribed(), permissionSet: true });
    permissionsAndAssignment(scope, log, allPermissions(), true);
    await provisionSalesforce(api(), mapping);
    const soql = log.to('GET', TOOLING_QUERY)[0]?.query.get('q');
    expect(soql).toContain("FROM CustomField WHERE TableEnumOrId = 'Lead'");
    expect(soql).toContain("'LeadScore_Score'");
    expect(soql).not.toContain('__c');
  });

  it('reports everything unchanged and writes nothing when the org is set up', async () => {
    const log = new RequestLog();
    const scope = org(log, { described: allDescribed(), permissionSet: true });
    permissionsAndAssignment(scope, log, allPermissions(), true);
    const report = await provisionSalesforce(api(), mapping);
    expect(report.changes.every((c) => c.outcome === 'unchanged')).toBe(true);
    expect(log.sent.every((s) => s.method === 'GET')).toBe(true);
  });

  it('refuses a field of another type before writing anything, naming it and what is needed', async () => {
    const log = new RequestLog();
    const described = allDescribed().map((f) =>
      f.name === 'LeadScore_Score__c' ? describedField(f.name, 'string') : f,
    );
    org(log, { described, permissionSet: 'not reached' });
    const error = await provisionSalesforce(api(), mapping).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorConfigError);
    expect((error as Error).message).toMatch(
      /Lead\.LeadScore_Score__c exists as type "string" but leadscore needs "double"/,
    );
    expect(log.sent.every((s) => s.method === 'GET')).toBe(true);
  });

  it('refuses a read-only field (a formula) of the right type', async () => {
    const log = new RequestLog();
    const described = allDescribed().map((f) =>
      f.name === 'LeadScore_Fit__c' ? describedField(f.name, 'double', { updateable: false }) : f,
    );
    org(log, { described, permissionSet: 'not reached' });
    await expect(provisionSalesforce(api(), mapping)).rejects.toThrow(/LeadScore_Fit__c is read-only/);
  });

  it('takes a field hidden from describe but known to the Tooling API as existing, and grants it', async () => {
    const log = new RequestLog();
    const scope = org(log, {
      described: allDescribed().filter((f) => f.name !== 'LeadScore_Model__c'),
      customFields: [{ Id: '00N5g00000AbCdMEAV', DeveloperName: 'LeadScore_Model' }],
      permissionSet: true,
    });
    permissionsAndAssignment(scope, log, allPermissions(), true);
    const report = await provisionSalesforce(api(), mapping);
    expect(report.changes).toContainEqual({
      target: 'field Lead.LeadScore_Model__c',
      outcome: 'unchanged',
      detail: expect.stringContaining('not visible'),
    });
    expect(log.to('POST', CUSTOM_FIELD)).toEqual([]);
  });

  it('adds missing picklist values by updating the CustomField with its full Metadata', async () => {
    const log = new RequestLog();
    const grade = describedField('LeadScore_Grade__c', 'picklist', {
      picklistValues: ['A', 'B'].map((value) => ({
        active: true,
        defaultValue: false,
        label: value,
        validFor: null,
        value,
      })),
    });
    const scope = org(log, {
      described: allDescribed().map((f) => (f.name === 'LeadScore_Grade__c' ? grade : f)),
      customFields: [{ Id: '00N5g00000AbCdGEAV', DeveloperName: 'LeadScore_Grade' }],
      permissionSet: true,
    });
    const metadata = {
      label: 'Lead Grade',
      type: 'Picklist',
      description: null,
      valueSet: {
        controllingField: null,
        restricted: true,
        valueSetName: null,
        valueSetDefinition: {
          sorted: false,
          value: ['A', 'B'].map((v) => ({
            color: null,
            default: false,
            description: null,
            isActive: null,
            label: v,
            urls: null,
            valueName: v,
          })),
        },
        valueSettings: [],
      },
    };
    scope
      .get(`${CUSTOM_FIELD}/00N5g00000AbCdGEAV`)
      .reply(
        log.reply(200, { Id: '00N5g00000AbCdGEAV', FullName: 'Lead.LeadScore_Grade__c', Metadata: metadata }),
      );
    scope.patch(`${CUSTOM_FIELD}/00N5g00000AbCdGEAV`).reply(log.reply(204, ''));
    permissionsAndAssignment(scope, log, allPermissions(), true);

    const report = await provisionSalesforce(api(), mapping);
    const patch = log.to('PATCH', `${CUSTOM_FIELD}/00N5g00000AbCdGEAV`)[0]?.body;
    expect(patch.Metadata.label).toBe('Lead Grade');
    expect(patch.Metadata.valueSet.restricted).toBe(true);
    expect(
      patch.Metadata.valueSet.valueSetDefinition.value.map((v: { valueName: string }) => v.valueName),
    ).toEqual(['A', 'B', 'C', 'D']);
    expect(report.changes).toContainEqual({
      target: 'field Lead.LeadScore_Grade__c',
      outcome: 'updated',
      detail: 'added picklist values C, D',
    });
  });

  it('passes on Salesforce’s refusal of a field (DUPLICATE_DEVELOPER_NAME) with its code', async () => {
    const log = new RequestLog();
    const scope = org(log, {
      described: allDescribed().filter((f) => f.name !== 'LeadScore_Score__c'),
      permissionSet: 'not reached',
    });
    scope.post(CUSTOM_FIELD).reply(
      log.reply(400, [
        {
          message: 'There is already a field named LeadScore_Score on Lead.',
          errorCode: 'DUPLICATE_DEVELOPER_NAME',
          fields: [],
        },
      ]),
    );
    const error = await provisionSalesforce(api(), mapping).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorRequestError);
    expect((error as ConnectorRequestError).category).toBe('DUPLICATE_DEVELOPER_NAME');
  });
});
