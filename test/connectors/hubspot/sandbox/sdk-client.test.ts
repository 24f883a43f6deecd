import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from '@hubspot/api-client';
import type { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/contacts/index.js';
import type { HubSpotSandbox } from '../../../../connectors/hubspot/sandbox/index.js';
import { start } from './sandbox-fixture.js';

let sandbox: HubSpotSandbox;
let client: Client;

beforeAll(async () => {
  sandbox = await start({ contacts: 120, limits: { perTenSeconds: 1000, searchPerSecond: 1000 } });
  client = new Client({
    accessToken: sandbox.privateAppToken,
    basePath: sandbox.url,
    numberOfApiCallRetries: 0,
  });
});
afterAll(() => sandbox.stop());

/** What the SDK throws for a non-2xx answer: the status as `code` and the parsed body. */
interface SdkError {
  code: number;
  body: { category?: string; message?: string; policyName?: string };
}

describe('the official SDK against the sandbox', () => {
  it('pages contacts with basicApi.getPage', async () => {
    const page = await client.crm.contacts.basicApi.getPage(50, undefined, ['email', 'lifecyclestage']);
    expect(page.results).toHaveLength(50);
    expect(page.results[0]?.properties.email).toEqual(expect.any(String));
    expect(page.results[0]?.createdAt).toBeInstanceOf(Date);
    const next = await client.crm.contacts.basicApi.getPage(100, page.paging?.next?.after);
    expect(next.results).toHaveLength(70);
    expect(next.paging).toBeUndefined();
  });

  it('searches with searchApi.doSearch', async () => {
    const result = await client.crm.contacts.searchApi.doSearch({
      filterGroups: [
        {
          filters: [
            { propertyName: 'hs_lead_status', operator: 'EQ' as FilterOperatorEnum.Eq, value: 'NEW' },
          ],
        },
      ],
      sorts: ['createdate'],
      properties: ['hs_lead_status'],
      limit: 100,
    });
    expect(result.total).toBe(
      sandbox.store.listContacts().filter((c) => c.properties.hs_lead_status === 'NEW').length,
    );
    expect(result.results.every((r) => r.properties.hs_lead_status === 'NEW')).toBe(true);
  });

  it('reads a 207 from batchApi.update as a result with errors', async () => {
    const [contact] = sandbox.store.listContacts();
    const result = await client.crm.contacts.batchApi.update({
      inputs: [
        { id: contact?.id ?? '', properties: { jobtitle: 'VP Revenue' } },
        { id: '424242', properties: { jobtitle: 'Nobody' } },
      ],
    });
    expect(result.results.map((r) => r.id)).toEqual([contact?.id]);
    expect('errors' in result && result.errors?.[0]?.category).toBe('OBJECT_NOT_FOUND');
  });

  it('throws the 400 for a 101-input batch with HubSpot’s body', async () => {
    const inputs = sandbox.store
      .listContacts()
      .slice(0, 101)
      .map((c) => ({ id: c.id, properties: { city: 'Oslo' } }));
    const error = (await client.crm.contacts.batchApi
      .update({ inputs })
      .catch((e: unknown) => e)) as SdkError;
    expect(error.code).toBe(400);
    expect(error.body.category).toBe('VALIDATION_ERROR');
  });

  it('throws the 400 for an unknown property', async () => {
    const [contact] = sandbox.store.listContacts();
    const error = (await client.crm.contacts.batchApi
      .update({ inputs: [{ id: contact?.id ?? '', properties: { no_such_prop: 'x' } }] })
      .catch((e: unknown) => e)) as SdkError;
    expect(error.code).toBe(400);
    expect(error.body.message).toContain('PROPERTY_DOESNT_EXIST');
  });

  it('throws the 401 for a bad token', async () => {
    const stranger = new Client({
      accessToken: 'bad-token',
      basePath: sandbox.url,
      numberOfApiCallRetries: 0,
    });
    const error = (await stranger.crm.contacts.basicApi.getPage(1).catch((e: unknown) => e)) as SdkError;
    expect(error.code).toBe(401);
    expect(error.body.category).toBe('INVALID_AUTHENTICATION');
  });

  it('refreshes an OAuth token with oauth.tokensApi.create', async () => {
    const oauthClient = new Client({ basePath: sandbox.url, numberOfApiCallRetries: 0 });
    const tokens = await oauthClient.oauth.tokensApi.create(
      'refresh_token',
      undefined,
      undefined,
      sandbox.oauth.clientId,
      sandbox.oauth.clientSecret,
      sandbox.oauth.refreshToken,
    );
    expect(tokens.tokenType).toBe('bearer');
    oauthClient.setAccessToken(tokens.accessToken);
    const page = await oauthClient.crm.contacts.basicApi.getPage(1);
    expect(page.results).toHaveLength(1);
  });

  it('reads engagement associations with associations.v4.batchApi.getPage', async () => {
    const [contact] = sandbox.store
      .listContacts()
      .filter((c) => sandbox.store.listEngagements('calls', c.id).length > 0);
    const result = await client.crm.associations.v4.batchApi.getPage('contacts', 'calls', {
      inputs: [{ id: contact?.id ?? '' }],
    });
    expect(result.results[0]?.to.map((t) => t.toObjectId)).toEqual(
      sandbox.store.listEngagements('calls', contact?.id).map((e) => e.id),
    );
  });
});
