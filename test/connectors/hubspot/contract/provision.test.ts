import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { ConnectorConfigError } from '../../../../src/connector/connector-errors.js';
import type { Mapping } from '../../../../src/mapping/mapping-schema.js';
import {
  BASE_URL,
  RequestLog,
  buildAdapter,
  expectNoSecrets,
  fixture,
  guardNetwork,
  loadHubSpotMapping,
  rejectionOf,
  type Json,
  type Sent,
} from './contract-harness.js';

guardNetwork({ beforeAll, afterEach, afterAll });

const GROUPS = '/crm/v3/properties/contacts/groups';
const PROPERTIES = '/crm/v3/properties/contacts';

let mapping: Mapping;
beforeAll(async () => {
  mapping = await loadHubSpotMapping();
});

/** The 201 for POST /crm/v3/properties/contacts: property-created.json carrying what was asked for. */
function created({ body }: Sent): [number, Json] {
  const { name, label, description, type, fieldType, groupName, options } = body;
  return [
    201,
    {
      ...fixture('property-created.json'),
      name,
      label,
      description,
      type,
      fieldType,
      groupName,
      options: options ?? [],
    },
  ];
}

/** What leadscore must create, by the mapping's property names: type and fieldType, options where a picklist. */
function expectedProperties(m: Mapping) {
  const p = m.scoreProperties;
  const option = (label: string, value: string) => expect.objectContaining({ label, value });
  return [
    { name: p.score, type: 'number', fieldType: 'number' },
    { name: p.fit, type: 'number', fieldType: 'number' },
    { name: p.engagement, type: 'number', fieldType: 'number' },
    {
      name: p.grade,
      type: 'enumeration',
      fieldType: 'select',
      options: ['A', 'B', 'C', 'D'].map((g) => option(g, g)),
    },
    {
      name: p.status,
      type: 'enumeration',
      fieldType: 'select',
      options: [
        option('MQL', 'mql'),
        option('Nurture', 'nurture'),
        option('Disqualified', 'disqualified'),
        option('Sales accepted', 'sales_accepted'),
        option('Sales rejected', 'sales_rejected'),
      ],
    },
    { name: p.reasons, type: 'string', fieldType: 'textarea' },
    { name: p.model, type: 'string', fieldType: 'text' },
    { name: p.scoredAt, type: 'datetime', fieldType: 'date' },
    { name: p.predictive, type: 'number', fieldType: 'number' },
  ];
}

describe('provision: property group and score properties', () => {
  it('creates the missing group and properties, and a second run with everything present posts nothing', async () => {
    const log = new RequestLog();
    const first = nock(BASE_URL)
      .get(GROUPS)
      .reply(log.reply(() => [200, fixture('property-groups.json')]))
      .post(GROUPS)
      .reply(log.reply(() => [201, fixture('property-group-created.json')]))
      .get(PROPERTIES)
      .reply(log.reply(() => [200, fixture('properties-list.json')]))
      .post(PROPERTIES)
      .times(9)
      .reply(log.reply(created));

    const { adapter } = buildAdapter(mapping);
    const report = await adapter.provision();
    first.done();

    expect(log.to('POST', GROUPS).map((s) => s.body)).toEqual([{ name: 'leadscore', label: 'Lead scoring' }]);
    const posted = log.to('POST', PROPERTIES).map((s) => s.body);
    expect(posted).toEqual(
      expectedProperties(mapping).map((spec) =>
        expect.objectContaining({ ...spec, groupName: 'leadscore', label: expect.any(String) }),
      ),
    );
    for (const body of posted) {
      expect(body.label.length).toBeGreaterThan(0);
      expect(typeof body.description).toBe('string');
      if (body.type !== 'enumeration') expect(body.options ?? []).toEqual([]);
    }
    expect(report.changes.map((c) => [c.target, c.outcome])).toEqual([
      ['group leadscore', 'created'],
      ...expectedProperties(mapping).map((spec) => [`property ${spec.name}`, 'created']),
    ]);

    // The portal as the first run left it: the created group and properties are listed as HubSpot returns them.
    const groups = fixture('property-groups.json');
    groups.results.push(fixture('property-group-created.json'));
    const properties = fixture('properties-list.json');
    properties.results.push(...log.to('POST', PROPERTIES).map((s) => created(s)[1]));
    const second = nock(BASE_URL).get(GROUPS).reply(200, groups).get(PROPERTIES).reply(200, properties);

    const again = await buildAdapter(mapping).adapter.provision();
    second.done();
    expect(again.changes.every((c) => c.outcome === 'unchanged')).toBe(true);
    expect(again.changes).toHaveLength(10);
  });

  it('an existing property of another type: a clear error naming it, and nothing is posted', async () => {
    // leadscore_scored_at was created by hand as a date (midnight UTC only) before leadscore was set up.
    const log = new RequestLog();
    const scope = nock(BASE_URL)
      // The conflict is found before the groups are even read.
      .get(GROUPS)
      .optionally()
      .reply(log.reply(() => [200, fixture('property-groups.json')]))
      .get(PROPERTIES)
      .reply(log.reply(() => [200, fixture('properties-list-type-clash.json')]))
      // Recorded if the adapter posts anyway, so that the assertion below can say what it posted.
      .post(GROUPS)
      .optionally()
      .reply(log.reply(() => [201, fixture('property-group-created.json')]))
      .post(PROPERTIES)
      .optionally()
      .times(9)
      .reply(log.reply(created));

    const { adapter } = buildAdapter(mapping);
    const error = await rejectionOf(adapter.provision());
    scope.done();

    expect(error).toBeInstanceOf(ConnectorConfigError);
    expect(error.message).toContain('leadscore_scored_at');
    expect(error.message).toContain('"date"');
    expect(error.message).toContain('"datetime"');
    expectNoSecrets(error);
    // Checked before anything is created: a half-provisioned portal is what this must never leave.
    expect(
      log.sent.filter((s) => s.method !== 'GET').map((s) => `${s.method} ${s.path} ${s.body.name}`),
    ).toEqual([]);
  });
});
