import { afterEach, describe, expect, it } from '@jest/globals';
import type { SalesforceSandbox } from '../../../../connectors/salesforce/sandbox/index.js';
import { API, call, soql, start } from './sandbox-fixture.js';

const sandboxes: SalesforceSandbox[] = [];
afterEach(async () => {
  await Promise.all(sandboxes.splice(0).map((s) => s.stop()));
});
async function sandbox(): Promise<SalesforceSandbox> {
  const s = await start({ leads: 5, contacts: 0 });
  sandboxes.push(s);
  return s;
}

const CUSTOM_FIELD = `${API}/tooling/sobjects/CustomField`;
const create = (s: SalesforceSandbox, FullName: string, Metadata: unknown) =>
  call(s, 'POST', CUSTOM_FIELD, { body: { FullName, Metadata } });
const toolingSoql = (s: SalesforceSandbox, q: string) =>
  call(s, 'GET', `${API}/tooling/query?q=${encodeURIComponent(q)}`);
const describeLead = async (s: SalesforceSandbox) =>
  (await call(s, 'GET', `${API}/sobjects/Lead/describe`)).body.fields as { name: string }[];
const fieldOf = async (s: SalesforceSandbox, name: string) =>
  (await describeLead(s)).find((field) => field.name === name);

const NUMBER = { label: 'Lead score', type: 'Number', precision: 18, scale: 0 };
const GRADE = {
  label: 'Lead grade',
  type: 'Picklist',
  valueSet: {
    restricted: true,
    valueSetDefinition: {
      sorted: false,
      value: ['A', 'B'].map((v) => ({ valueName: v, label: v, default: false })),
    },
  },
};

describe('POST /tooling/sobjects/CustomField', () => {
  it('answers 201 with the new CustomField id (key prefix 00N)', async () => {
    const s = await sandbox();
    const reply = await create(s, 'Lead.LeadScore_Score__c', NUMBER);
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({ id: expect.stringMatching(/^00N\w{15}$/), success: true, errors: [] });
  });

  it.each([
    ['Number', NUMBER, { type: 'double', precision: 18, scale: 0 }],
    ['Picklist', GRADE, { type: 'picklist', restrictedPicklist: true }],
    [
      'LongTextArea',
      { label: 'Reasons', type: 'LongTextArea', length: 32768, visibleLines: 5 },
      { type: 'textarea', length: 32768 },
    ],
    ['Text', { label: 'Model', type: 'Text', length: 255 }, { type: 'string', length: 255 }],
    ['DateTime', { label: 'Scored at', type: 'DateTime' }, { type: 'datetime' }],
  ])(
    'a %s field shows in describe with its describe type, as custom and writable',
    async (_type, metadata, want) => {
      const s = await sandbox();
      await create(s, 'Lead.LeadScore_X__c', metadata);
      expect(await fieldOf(s, 'LeadScore_X__c')).toMatchObject({
        ...want,
        custom: true,
        nillable: true,
        createable: true,
        updateable: true,
        label: metadata.label,
      });
    },
  );

  it('gives a picklist its values in describe', async () => {
    const s = await sandbox();
    await create(s, 'Lead.LeadScore_Grade__c', GRADE);
    const field = (await fieldOf(s, 'LeadScore_Grade__c')) as unknown as {
      picklistValues: { value: string }[];
    };
    expect(field.picklistValues.map((v) => v.value)).toEqual(['A', 'B']);
  });

  it('makes the field queryable and writable, in this org only', async () => {
    const s = await sandbox();
    const other = await sandbox();
    await create(s, 'Lead.LeadScore_Score__c', NUMBER);
    const id = String(s.store.list('Lead')[0]?.Id);
    const patch = await call(s, 'PATCH', `${API}/sobjects/Lead/${id}`, { body: { LeadScore_Score__c: 42 } });
    expect(patch.status).toBe(204);
    const read = await soql(s, `SELECT LeadScore_Score__c FROM Lead WHERE Id = '${id}'`);
    expect(read.body.records[0].LeadScore_Score__c).toBe(42);

    expect(await fieldOf(other, 'LeadScore_Score__c')).toBeUndefined();
    const elsewhere = await soql(other, 'SELECT LeadScore_Score__c FROM Lead');
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body[0].errorCode).toBe('INVALID_FIELD');
  });

  it('refuses a value outside a restricted picklist', async () => {
    const s = await sandbox();
    await create(s, 'Lead.LeadScore_Grade__c', GRADE);
    const id = String(s.store.list('Lead')[0]?.Id);
    const reply = await call(s, 'PATCH', `${API}/sobjects/Lead/${id}`, { body: { LeadScore_Grade__c: 'Z' } });
    expect(reply.body[0]).toMatchObject({ errorCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST' });
  });

  it('refuses a field that exists already with DUPLICATE_DEVELOPER_NAME', async () => {
    const s = await sandbox();
    await create(s, 'Lead.LeadScore_Score__c', NUMBER);
    const again = await create(s, 'Lead.LeadScore_Score__c', NUMBER);
    expect(again.status).toBe(400);
    expect(again.body).toEqual([
      {
        errorCode: 'DUPLICATE_DEVELOPER_NAME',
        message: 'There is already a field named LeadScore_Score on Lead.',
        fields: [],
      },
    ]);
  });

  it.each([
    [
      'a Number without precision',
      { label: 'x', type: 'Number', scale: 0 },
      "Must specify 'precision' for a CustomField of type Number",
    ],
    [
      'a Text without length',
      { label: 'x', type: 'Text' },
      "Must specify 'length' for a CustomField of type Text",
    ],
    [
      'a LongTextArea without visibleLines',
      { label: 'x', type: 'LongTextArea', length: 32768 },
      "Must specify 'visibleLines'",
    ],
    ['a Picklist without values', { label: 'x', type: 'Picklist' }, "Must specify 'valueSet'"],
    ['metadata without a label', { type: 'DateTime' }, 'Metadata.label'],
    ['an unsupported type', { label: 'x', type: 'Lookup' }, 'does not create CustomFields of type Lookup'],
  ])('refuses %s with FIELD_INTEGRITY_EXCEPTION', async (_case, metadata, message) => {
    const s = await sandbox();
    const reply = await create(s, 'Lead.LeadScore_X__c', metadata);
    expect(reply.status).toBe(400);
    expect(reply.body[0].errorCode).toBe('FIELD_INTEGRITY_EXCEPTION');
    expect(reply.body[0].message).toContain(message);
    expect(await fieldOf(s, 'LeadScore_X__c')).toBeUndefined();
  });

  it.each(['Lead.No_Suffix', 'Lead.Double__Underscore__c', 'Lead.9Starts_With_Digit__c', 'Nope__c.X__c'])(
    'refuses the FullName %s',
    async (fullName) => {
      const s = await sandbox();
      const reply = await create(s, fullName, NUMBER);
      expect(reply.status).toBe(400);
      expect(reply.body[0].errorCode).toBe('FIELD_INTEGRITY_EXCEPTION');
    },
  );
});

describe('GET /tooling/query over CustomField', () => {
  it('finds created fields by DeveloperName and TableEnumOrId', async () => {
    const s = await sandbox();
    const created = await create(s, 'Lead.LeadScore_Score__c', NUMBER);
    await create(s, 'Lead.LeadScore_Grade__c', GRADE);
    const reply = await toolingSoql(
      s,
      "SELECT Id, DeveloperName, TableEnumOrId FROM CustomField WHERE TableEnumOrId = 'Lead' AND DeveloperName IN ('LeadScore_Score', 'Other')",
    );
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      totalSize: 1,
      done: true,
      records: [
        {
          attributes: { type: 'CustomField', url: `${API}/tooling/sobjects/CustomField/${created.body.id}` },
          Id: created.body.id,
          DeveloperName: 'LeadScore_Score',
          TableEnumOrId: 'Lead',
        },
      ],
    });
  });

  it('refuses FullName in a query of more than one row, as Salesforce does', async () => {
    const s = await sandbox();
    await create(s, 'Lead.LeadScore_Score__c', NUMBER);
    await create(s, 'Lead.LeadScore_Grade__c', GRADE);
    const reply = await toolingSoql(s, 'SELECT Id, FullName FROM CustomField');
    expect(reply.status).toBe(400);
    expect(reply.body[0].errorCode).toBe('MALFORMED_QUERY');
  });

  it('is not reachable through the data API query, nor data objects through the tooling query', async () => {
    const s = await sandbox();
    expect((await soql(s, 'SELECT Id FROM CustomField')).body[0].errorCode).toBe('INVALID_TYPE');
    expect((await toolingSoql(s, 'SELECT Id FROM Lead')).body[0].errorCode).toBe('INVALID_TYPE');
  });
});

describe('GET and PATCH /tooling/sobjects/CustomField/{id}', () => {
  it('GET answers the FullName and the Metadata as created', async () => {
    const s = await sandbox();
    const { body } = await create(s, 'Lead.LeadScore_Grade__c', GRADE);
    const reply = await call(s, 'GET', `${CUSTOM_FIELD}/${body.id}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ Id: body.id, FullName: 'Lead.LeadScore_Grade__c', Metadata: GRADE });
  });

  it('PATCH with more picklist values adds them to describe and to what writes accept', async () => {
    const s = await sandbox();
    const { body } = await create(s, 'Lead.LeadScore_Grade__c', GRADE);
    const values = ['A', 'B', 'C'].map((v) => ({ valueName: v, label: v, default: false }));
    const metadata = {
      ...GRADE,
      valueSet: { ...GRADE.valueSet, valueSetDefinition: { sorted: false, value: values } },
    };
    const reply = await call(s, 'PATCH', `${CUSTOM_FIELD}/${body.id}`, { body: { Metadata: metadata } });
    expect(reply.status).toBe(204);
    const field = (await fieldOf(s, 'LeadScore_Grade__c')) as unknown as {
      picklistValues: { value: string }[];
    };
    expect(field.picklistValues.map((v) => v.value)).toEqual(['A', 'B', 'C']);
  });

  it('PATCH refuses a change of type', async () => {
    const s = await sandbox();
    const { body } = await create(s, 'Lead.LeadScore_Score__c', NUMBER);
    const reply = await call(s, 'PATCH', `${CUSTOM_FIELD}/${body.id}`, {
      body: { Metadata: { label: 'x', type: 'Text', length: 10 } },
    });
    expect(reply.status).toBe(400);
    expect(reply.body[0].errorCode).toBe('FIELD_INTEGRITY_EXCEPTION');
  });

  it('GET answers 404 for an unknown id', async () => {
    const s = await sandbox();
    const reply = await call(s, 'GET', `${CUSTOM_FIELD}/00N000000000000AAA`);
    expect(reply.status).toBe(404);
  });
});

describe('GET /services/data/{version}', () => {
  it('lists the resources, with the session user’s identity URL', async () => {
    const s = await sandbox();
    const reply = await call(s, 'GET', API);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      tooling: `${API}/tooling`,
      sobjects: `${API}/sobjects`,
      identity: expect.stringMatching(/\/id\/00D\w{15}\/005\w{15}$/),
    });
  });
});
