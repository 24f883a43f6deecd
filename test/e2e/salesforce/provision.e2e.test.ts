import { afterEach, describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { provisionSalesforce } from '../../../connectors/salesforce/provision-fields.js';
import { SalesforceAdapter } from '../../../connectors/salesforce/salesforce-adapter.js';
import { SalesforceApi } from '../../../connectors/salesforce/salesforce-api.js';
import {
  DEFAULT_SALESFORCE_LIMITS,
  salesforcePolicy,
} from '../../../connectors/salesforce/salesforce-policy.js';
import { startSalesforceSandbox } from '../../../connectors/salesforce/sandbox/index.js';
import type { SalesforceSandbox } from '../../../connectors/salesforce/sandbox/index.js';
import type { ProvisionChange } from '../../../src/connector/crm-adapter.js';
import { RequestScheduler } from '../../../src/http/request-scheduler.js';
import { loadMapping } from '../../../src/mapping/load-mapping.js';
import type { Mapping } from '../../../src/mapping/mapping-schema.js';
import { SCORE_FIELDS } from '../sync/salesforce-final-state.js';

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const VERSION = 'v62.0';
let sandbox: SalesforceSandbox | undefined;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

async function setUp(): Promise<{ s: SalesforceSandbox; mapping: Mapping }> {
  sandbox = await startSalesforceSandbox({ leads: 20, contacts: 5 });
  return { s: sandbox, mapping: await loadMapping(root('mappings/salesforce.yaml')) };
}

const adapter = (s: SalesforceSandbox, mapping: Mapping) =>
  new SalesforceAdapter({
    credentials: { instanceUrl: s.instanceUrl, accessToken: s.accessToken },
    mapping,
    activities: false,
    onProblem: () => {},
  });

const api = (s: SalesforceSandbox) =>
  new SalesforceApi(new RequestScheduler({ policy: salesforcePolicy(DEFAULT_SALESFORCE_LIMITS) }), {
    instanceUrl: s.instanceUrl,
    accessToken: s.accessToken,
  });

/** Straight to the sandbox, as an admin would in Setup: the state provisioning finds. */
async function rest(s: SalesforceSandbox, method: string, path: string, body?: unknown) {
  const res = await fetch(`${s.url}/services/data/${VERSION}${path}`, {
    method,
    headers: { Authorization: `Bearer ${s.accessToken}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const soql = async (s: SalesforceSandbox, q: string) =>
  (await rest(s, 'GET', `/query?q=${encodeURIComponent(q)}`)).body.records as Record<string, unknown>[];

const describe_ = async (s: SalesforceSandbox, object: string) =>
  (await rest(s, 'GET', `/sobjects/${object}/describe`)).body.fields as { name: string; type: string }[];

const outcomes = (changes: ProvisionChange[]) => [...new Set(changes.map((c) => c.outcome))];

describe('leadscore setup salesforce: provision against the sandbox through jsforce', () => {
  it('creates every score field on Lead with its type, the permission set, its field permissions and assignment', async () => {
    const { s, mapping } = await setUp();
    const report = await adapter(s, mapping).provision();
    expect(report.changes).toEqual([
      ...SCORE_FIELDS.map((name) =>
        expect.objectContaining({ target: `field Lead.${name}`, outcome: 'created' }),
      ),
      { target: 'permission set Lead_Scoring', outcome: 'created' },
      ...SCORE_FIELDS.map((name) =>
        expect.objectContaining({ target: `field permission Lead.${name}`, outcome: 'created' }),
      ),
      expect.objectContaining({
        target: expect.stringMatching(/^permission set assignment Lead_Scoring → 005/),
        outcome: 'created',
      }),
    ]);
    const types = Object.fromEntries((await describe_(s, 'Lead')).map((f) => [f.name, f.type]));
    expect(SCORE_FIELDS.map((name) => types[name])).toEqual([
      'double',
      'double',
      'double',
      'picklist',
      'picklist',
      'textarea',
      'string',
      'datetime',
      'double',
    ]);
  });

  it('a second run reports every change as unchanged and creates nothing', async () => {
    const { s, mapping } = await setUp();
    await adapter(s, mapping).provision();
    const created = s.store.createCalls().length;
    const again = await adapter(s, mapping).provision();
    expect(outcomes(again.changes)).toEqual(['unchanged']);
    expect(again.changes).toHaveLength(SCORE_FIELDS.length * 2 + 2);
    expect(s.store.createCalls()).toHaveLength(created);
  });

  it('the permission set grants read (and edit) on every score field, and is assigned to the session user', async () => {
    const { s, mapping } = await setUp();
    await adapter(s, mapping).provision();
    const rows = await soql(
      s,
      "SELECT Field, PermissionsRead, PermissionsEdit FROM FieldPermissions WHERE Parent.Name = 'Lead_Scoring'",
    );
    expect(rows.map((r) => r.Field).sort()).toEqual(SCORE_FIELDS.map((name) => `Lead.${name}`).sort());
    expect(rows.every((r) => r.PermissionsRead === true && r.PermissionsEdit === true)).toBe(true);

    const identity = (await rest(s, 'GET', '')).body.identity as string;
    const assignments = await soql(
      s,
      "SELECT AssigneeId FROM PermissionSetAssignment WHERE PermissionSet.Name = 'Lead_Scoring'",
    );
    expect(assignments).toEqual([expect.objectContaining({ AssigneeId: identity.split('/').at(-1) })]);
  });

  it('after provisioning, the adapter writes scores into the created fields', async () => {
    const { s, mapping } = await setUp();
    await adapter(s, mapping).provision();
    const id = String(s.store.list('Lead')[0]?.Id);
    const result = await adapter(s, mapping).write([
      {
        ref: { crm: 'salesforce', object: 'Lead', id },
        values: {
          score: 72,
          fit: 40,
          engagement: 32,
          grade: 'B',
          status: 'mql',
          reasons: '+40 fit: title\n+32 engagement: webinar',
          model: 'default@1',
          scoredAt: new Date('2026-06-15T12:00:00.000Z'),
          predictive: 64,
        },
      },
    ]);
    expect(result).toEqual({ written: [{ crm: 'salesforce', object: 'Lead', id }], failed: [] });
    const [row] = await soql(s, `SELECT ${SCORE_FIELDS.join(', ')} FROM Lead WHERE Id = '${id}'`);
    expect(row).toMatchObject({
      LeadScore_Score__c: 72,
      LeadScore_Grade__c: 'B',
      LeadScore_MQL_Status__c: 'mql',
      LeadScore_Scored_At__c: '2026-06-15T12:00:00.000+0000',
      LeadScore_Predictive__c: 64,
    });
  });

  it('creates the fields under the names the mapping gives them', async () => {
    const { s, mapping } = await setUp();
    const renamed: Mapping = {
      ...mapping,
      scoreProperties: { ...mapping.scoreProperties, score: 'Acme_Score__c', grade: 'Acme_Grade__c' },
    };
    const report = await adapter(s, renamed).provision();
    const targets = report.changes.map((c) => c.target);
    expect(targets).toEqual(expect.arrayContaining(['field Lead.Acme_Score__c', 'field Lead.Acme_Grade__c']));
    expect(targets).not.toContain('field Lead.LeadScore_Score__c');
    const names = (await describe_(s, 'Lead')).map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['Acme_Score__c', 'Acme_Grade__c']));
  });

  it('refuses a field of a conflicting type before creating anything', async () => {
    const { s, mapping } = await setUp();
    await rest(s, 'POST', '/tooling/sobjects/CustomField', {
      FullName: 'Lead.LeadScore_Fit__c',
      Metadata: { label: 'Fit', type: 'Text', length: 20 },
    });
    const before = s.store.createCalls().length;
    await expect(adapter(s, mapping).provision()).rejects.toThrow(
      /Lead\.LeadScore_Fit__c exists as type "string" but leadscore needs "double".*nothing was changed/,
    );
    expect(s.store.createCalls()).toHaveLength(before);
  });

  it('adds the picklist values a grade field lacks, and reports it updated', async () => {
    const { s, mapping } = await setUp();
    await rest(s, 'POST', '/tooling/sobjects/CustomField', {
      FullName: 'Lead.LeadScore_Grade__c',
      Metadata: {
        label: 'Grade',
        type: 'Picklist',
        valueSet: {
          restricted: true,
          valueSetDefinition: { sorted: false, value: [{ valueName: 'A', label: 'A', default: false }] },
        },
      },
    });
    const report = await adapter(s, mapping).provision();
    expect(report.changes).toContainEqual({
      target: 'field Lead.LeadScore_Grade__c',
      outcome: 'updated',
      detail: 'added picklist values B, C, D',
    });
    const grade = (await describe_(s, 'Lead')).find((f) => f.name === 'LeadScore_Grade__c') as unknown as {
      picklistValues: { value: string }[];
    };
    expect(grade.picklistValues.map((v) => v.value)).toEqual(['A', 'B', 'C', 'D']);
  });

  it('provisions Contact as well when asked, with field permissions for both objects', async () => {
    const { s, mapping } = await setUp();
    const report = await provisionSalesforce(api(s), mapping, { objects: ['Lead', 'Contact'] });
    const created = report.changes.filter((c) => c.outcome === 'created').map((c) => c.target);
    expect(created).toEqual(
      expect.arrayContaining([
        'field Contact.LeadScore_Score__c',
        'field permission Contact.LeadScore_Score__c',
      ]),
    );
    expect((await describe_(s, 'Contact')).map((f) => f.name)).toEqual(
      expect.arrayContaining([...SCORE_FIELDS]),
    );
  });
});
