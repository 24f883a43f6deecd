/** `leadscore setup salesforce`, the "Lead Scoring" permission set against nock (shapes: provision-harness). */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { provisionSalesforce } from '../../../../connectors/salesforce/provision-fields.js';
import { SalesforceAdapter } from '../../../../connectors/salesforce/salesforce-adapter.js';
import type { Mapping } from '../../../../src/mapping/mapping-schema.js';
import { DATA, INSTANCE, QUERY, RequestLog, guardNetwork, queryResult } from './handoff-harness.js';
import {
  ASSIGNMENT_ID,
  COLLECTIONS,
  NAMES,
  USER_ID,
  allDescribed,
  allPermissions,
  api,
  loadSalesforceMapping,
  org,
  permissionsAndAssignment,
  saved,
} from './provision-harness.js';

guardNetwork({ beforeAll, afterEach, afterAll });

let mapping: Mapping;
beforeAll(async () => {
  mapping = await loadSalesforceMapping();
});

describe('provision: the Lead Scoring permission set', () => {
  it('turns on Edit where a field permission only had Read, and reports those updated', async () => {
    const log = new RequestLog();
    const scope = org(log, { described: allDescribed(), permissionSet: true });
    permissionsAndAssignment(scope, log, allPermissions(false), true);
    scope.patch(COLLECTIONS).reply(
      log.reply(
        200,
        NAMES.map((_, i) => saved(`01k5g00000AbC${String(i).padStart(2, '0')}AAA`)),
      ),
    );
    const report = await provisionSalesforce(api(), mapping);
    const body = log.to('PATCH', COLLECTIONS)[0]?.body;
    expect(body.records[0]).toEqual({
      attributes: { type: 'FieldPermissions' },
      Id: '01k5g00000AbC00AAA',
      PermissionsRead: true,
      PermissionsEdit: true,
    });
    expect(report.changes.filter((c) => c.outcome === 'updated')).toHaveLength(NAMES.length);
  });

  it('stops with each field Salesforce would not grant, and its words', async () => {
    const log = new RequestLog();
    const scope = org(log, { described: allDescribed(), permissionSet: true });
    scope
      .get(QUERY)
      .query((q) => String(q.q).includes('FROM FieldPermissions'))
      .reply(log.reply(200, queryResult('FieldPermissions', [])));
    const results = NAMES.map((_, i) =>
      i === 0
        ? {
            success: false,
            errors: [
              {
                statusCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
                message: 'Field Name: bad value for restricted picklist field: Lead.LeadScore_Score__c',
                fields: ['Field'],
              },
            ],
          }
        : saved(`01k5g00000AbC${i}0AAA`),
    );
    scope.post(COLLECTIONS).reply(log.reply(200, results));
    await expect(provisionSalesforce(api(), mapping)).rejects.toThrow(
      /Lead\.LeadScore_Score__c: INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST/,
    );
  });

  it('assigns the set to the user named by the identity URL of the session', async () => {
    const log = new RequestLog();
    const scope = org(log, { described: allDescribed(), permissionSet: true });
    permissionsAndAssignment(scope, log, allPermissions(), false);
    scope.post(`${DATA}/sobjects/PermissionSetAssignment`).reply(log.reply(201, saved(ASSIGNMENT_ID)));
    const report = await provisionSalesforce(api(), mapping);
    const soql = log.queries().find((q) => q.includes('PermissionSetAssignment'));
    expect(soql).toContain(`AssigneeId = '${USER_ID}'`);
    expect(report.changes.at(-1)).toEqual({
      target: `permission set assignment Lead_Scoring → ${USER_ID}`,
      outcome: 'created',
      detail: 'the integration user',
    });
  });
});

describe('SalesforceAdapter.provision', () => {
  it('provisions the configured object through the adapter', async () => {
    const log = new RequestLog();
    const scope = org(log, { described: allDescribed(), permissionSet: true });
    permissionsAndAssignment(scope, log, allPermissions(), true);
    const adapter = new SalesforceAdapter({
      credentials: { instanceUrl: INSTANCE, accessToken: '00Dxx0000001gPL!AQ4AQFake' },
      mapping,
      activities: false,
      onProblem: () => {},
    });
    const report = await adapter.provision();
    expect(report.changes[0]).toEqual({ target: 'field Lead.LeadScore_Score__c', outcome: 'unchanged' });
    expect(adapter.usage().byEndpoint['GET /sobjects/Lead/describe']).toBe(1);
  });
});
