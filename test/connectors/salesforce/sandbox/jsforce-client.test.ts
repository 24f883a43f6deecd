import { afterEach, describe, expect, it } from '@jest/globals';
import type { SalesforceSandbox } from '../../../../connectors/salesforce/sandbox/index.js';
import { connect, start } from './sandbox-fixture.js';

let sandbox: SalesforceSandbox | undefined;
afterEach(async () => {
  await sandbox?.stop();
  sandbox = undefined;
});

interface LeadRow {
  Id: string;
  Email: string | null;
}

describe('jsforce 3 against the sandbox', () => {
  it('queries and follows queryMore to the end', async () => {
    sandbox = await start({ leads: 2300 });
    const conn = connect(sandbox);
    const first = await conn.query<LeadRow>('SELECT Id, Email FROM Lead ORDER BY CreatedDate');
    expect(first.totalSize).toBe(2300);
    expect(first.done).toBe(false);
    expect(first.records).toHaveLength(2000);
    const seen = first.records.map((r) => r.Id);
    let locator = first.nextRecordsUrl;
    while (locator) {
      const more = await conn.queryMore<LeadRow>(locator);
      seen.push(...more.records.map((r) => r.Id));
      locator = more.done ? undefined : more.nextRecordsUrl;
    }
    expect(new Set(seen).size).toBe(2300);
    expect(sandbox.stats().calls['GET /services/data/{version}/query/{locator}']).toBe(1);
  });

  it('updates records through sObject Collections with per-record results', async () => {
    sandbox = await start();
    const conn = connect(sandbox);
    const [a, b] = sandbox.store.list('Lead');
    const results = await conn.sobject('Lead').update(
      [
        { Id: String(a?.Id), Rating: 'Hot' },
        { Id: String(b?.Id), Score__c: 12 },
      ],
      { allOrNone: false },
    );
    expect(results[0]).toMatchObject({ id: a?.Id, success: true, errors: [] });
    expect(results[1]).toMatchObject({ id: b?.Id, success: false });
    expect(results[1]?.success === false && results[1].errors[0]).toMatchObject({
      statusCode: 'INVALID_FIELD',
    });
    expect(sandbox.store.get(String(a?.Id))?.Rating).toBe('Hot');
  });

  it('surfaces 201 records as an EXCEEDED_ID_LIMIT error', async () => {
    sandbox = await start();
    const conn = connect(sandbox);
    const records = sandbox.store
      .list('Lead')
      .slice(0, 201)
      .map((l) => ({ Id: String(l.Id), Rating: 'Warm' }));
    await expect(conn.sobject('Lead').update(records, { allOrNone: false })).rejects.toMatchObject({
      errorCode: 'EXCEEDED_ID_LIMIT',
    });
  });

  it('rejects an invalid session with INVALID_SESSION_ID', async () => {
    sandbox = await start({ leads: 5, contacts: 0 });
    const conn = connect(sandbox, '00Dbogus!token');
    await expect(conn.query('SELECT Id FROM Lead')).rejects.toMatchObject({
      errorCode: 'INVALID_SESSION_ID',
    });
  });

  it('refreshes a session through conn.oauth2', async () => {
    sandbox = await start({ leads: 5, contacts: 0 });
    const conn = connect(sandbox);
    const { OAuth2 } = await import('jsforce');
    const oauth2 = new OAuth2({
      loginUrl: sandbox.url,
      clientId: sandbox.oauth.clientId,
      clientSecret: sandbox.oauth.clientSecret,
      redirectUri: `${sandbox.url}/callback`,
    });
    const refreshed = await oauth2.refreshToken(sandbox.oauth.refreshToken);
    expect(refreshed).toMatchObject({ instance_url: sandbox.url, token_type: 'Bearer' });
    const fresh = connect(sandbox, refreshed.access_token);
    expect((await fresh.query('SELECT Id FROM Lead')).totalSize).toBe(5);
    expect(conn.oauth2).toBeDefined();
  });
});
