import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SalesforceSandbox, SObjectRecord } from '../../../../connectors/salesforce/sandbox/index.js';
import { API, soql, start } from './sandbox-fixture.js';

let sandbox: SalesforceSandbox;
beforeAll(async () => {
  sandbox = await start({ leads: 500 });
});
afterAll(() => sandbox.stop());

const ids = (records: { Id: string }[]) => records.map((r) => r.Id);
const leads = () => sandbox.store.list('Lead');

describe('GET /query', () => {
  it('answers Salesforce’s query shape with attributes per record', async () => {
    const reply = await soql(sandbox, 'SELECT Id, Email, IsConverted FROM Lead LIMIT 3');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ totalSize: 3, done: true });
    expect(reply.body.nextRecordsUrl).toBeUndefined();
    const [first] = reply.body.records;
    expect(Object.keys(first)).toEqual(['attributes', 'Id', 'Email', 'IsConverted']);
    expect(first.attributes).toEqual({ type: 'Lead', url: `${API}/sobjects/Lead/${first.Id}` });
  });

  it('pages through nextRecordsUrl with the Sforce-Query-Options batch size, to the end', async () => {
    const first = await soql(sandbox, 'SELECT Id FROM Lead', { 'Sforce-Query-Options': 'batchSize=200' });
    expect(first.body).toMatchObject({ totalSize: 500, done: false });
    expect(first.body.records).toHaveLength(200);
    expect(first.body.nextRecordsUrl).toMatch(new RegExp(`^${API}/query/01g[0-9A-Za-z]{15}-200$`));
    const seen = ids(first.body.records);
    let next: string | undefined = first.body.nextRecordsUrl;
    while (next) {
      const page = await fetch(`${sandbox.url}${next}`, {
        headers: { Authorization: `Bearer ${sandbox.accessToken}` },
      });
      const body = (await page.json()) as {
        done: boolean;
        nextRecordsUrl?: string;
        records: { Id: string }[];
      };
      seen.push(...ids(body.records));
      next = body.done ? undefined : body.nextRecordsUrl;
    }
    expect(seen).toEqual(ids(leads() as { Id: string }[]));
  });

  it('clamps the batch size to 200..2000 and defaults to 2000', async () => {
    const small = await soql(sandbox, 'SELECT Id FROM Lead', { 'Sforce-Query-Options': 'batchSize=10' });
    expect(small.body.records).toHaveLength(200);
    const all = await soql(sandbox, 'SELECT Id FROM Lead');
    expect(all.body).toMatchObject({ totalSize: 500, done: true });
  });

  it('filters with =, IN, NOT IN, LIKE, comparisons, AND/OR and parentheses like the data says', async () => {
    const q =
      "SELECT Id FROM Lead WHERE (Industry IN ('Technology', 'Banking') OR LeadSource = 'web') " +
      "AND Email LIKE '%@example.com' AND Status NOT IN ('Closed - Not Converted') AND NumberOfEmployees >= 100";
    const reply = await soql(sandbox, q);
    const expected = leads().filter(
      (l) =>
        (['Technology', 'Banking'].includes(String(l.Industry)) || l.LeadSource === 'Web') &&
        String(l.Email).endsWith('@example.com') &&
        l.Status !== 'Closed - Not Converted' &&
        typeof l.NumberOfEmployees === 'number' &&
        l.NumberOfEmployees >= 100,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(reply.body.records).sort()).toEqual(ids(expected as { Id: string }[]).sort());
  });

  it('compares datetimes and dates, booleans and nulls', async () => {
    const cut = '2026-01-01T00:00:00Z';
    const reply = await soql(
      sandbox,
      `SELECT Id FROM Lead WHERE CreatedDate > ${cut} AND IsConverted = false AND Title != null`,
    );
    const expected = leads().filter(
      (l) =>
        Date.parse(String(l.CreatedDate).replace('+0000', 'Z')) > Date.parse(cut) &&
        !l.IsConverted &&
        l.Title !== null,
    );
    expect(ids(reply.body.records).sort()).toEqual(ids(expected as { Id: string }[]).sort());
    const tasks = await soql(
      sandbox,
      "SELECT Id, ActivityDate FROM Task WHERE ActivityDate <= 2026-03-01 AND TaskSubtype = 'Email'",
    );
    expect(tasks.body.records.length).toBeGreaterThan(0);
    for (const t of tasks.body.records) expect(t.ActivityDate <= '2026-03-01').toBe(true);
  });

  it('orders by several fields and applies LIMIT and OFFSET', async () => {
    const reply = await soql(
      sandbox,
      'SELECT Id, Country, NumberOfEmployees FROM Lead ORDER BY Country ASC NULLS LAST, NumberOfEmployees DESC, Id LIMIT 50',
    );
    const sorted = [...leads()].sort((a, b) => {
      const ca = a.Country as string | null;
      const cb = b.Country as string | null;
      if (ca !== cb) return ca === null ? 1 : cb === null ? -1 : ca.toLowerCase() < cb.toLowerCase() ? -1 : 1;
      const na = (a.NumberOfEmployees as number | null) ?? -Infinity;
      const nb = (b.NumberOfEmployees as number | null) ?? -Infinity;
      if (na !== nb) return nb - na;
      return String(a.Id).toLowerCase() < String(b.Id).toLowerCase() ? -1 : 1;
    });
    expect(ids(reply.body.records)).toEqual(ids(sorted.slice(0, 50) as { Id: string }[]));
    const offset = await soql(sandbox, 'SELECT Id FROM Lead ORDER BY Id LIMIT 5 OFFSET 5');
    const byId = [...ids(leads() as { Id: string }[])].sort((a, b) =>
      a.toLowerCase() < b.toLowerCase() ? -1 : 1,
    );
    expect(ids(offset.body.records)).toEqual(byId.slice(5, 10));
  });

  it('returns parent fields as nested records, and null for an empty lookup', async () => {
    const reply = await soql(
      sandbox,
      'SELECT Id, Status, Campaign.Type, Campaign.Name, Lead.Email FROM CampaignMember LIMIT 20',
    );
    const member = reply.body.records.find((r: { Lead: unknown }) => r.Lead !== null);
    expect(member.Campaign).toEqual({
      attributes: { type: 'Campaign', url: expect.stringMatching(/\/sobjects\/Campaign\/701/) },
      Type: expect.any(String),
      Name: expect.any(String),
    });
    const contactMember = await soql(
      sandbox,
      'SELECT Id, Lead.Email FROM CampaignMember WHERE LeadId = null LIMIT 1',
    );
    expect(contactMember.body.records[0].Lead).toBeNull();
    const owners = await soql(
      sandbox,
      "SELECT Owner.Name FROM Lead WHERE Owner.Name = 'Alex Morgan' LIMIT 5",
    );
    for (const r of owners.body.records) expect(r.Owner.Name).toBe('Alex Morgan');
  });

  it('supports WHO polymorphic lookups on activities and date literals', async () => {
    const reply = await soql(
      sandbox,
      'SELECT Id, Who.Name, Type FROM Task WHERE CreatedDate = LAST_N_DAYS:3650 LIMIT 5',
    );
    expect(reply.status).toBe(200);
    expect(reply.body.records[0].Who.attributes.type).toMatch(/^(Lead|Contact)$/);
  });

  it('answers COUNT() with totalSize only', async () => {
    const reply = await soql(sandbox, 'SELECT COUNT() FROM Lead WHERE IsConverted = true');
    const converted = leads().filter((l: SObjectRecord) => l.IsConverted === true).length;
    expect(reply.body).toEqual({ totalSize: converted, done: true, records: [] });
  });

  it('refuses an unknown field with 400 INVALID_FIELD and bad SOQL with MALFORMED_QUERY', async () => {
    const field = await soql(sandbox, 'SELECT Id, Score__c FROM Lead');
    expect(field.status).toBe(400);
    expect(field.body).toEqual([
      {
        message: expect.stringContaining("No such column 'Score__c' on entity 'Lead'"),
        errorCode: 'INVALID_FIELD',
      },
    ]);
    const rel = await soql(sandbox, 'SELECT Boss.Name FROM Lead');
    expect(rel.body[0].errorCode).toBe('INVALID_FIELD');
    const bad = await soql(sandbox, 'SELEC Id FROM Lead');
    expect(bad.status).toBe(400);
    expect(bad.body[0]).toMatchObject({ errorCode: 'MALFORMED_QUERY' });
    const type = await soql(sandbox, 'SELECT Id FROM Quote');
    expect(type.body[0].errorCode).toBe('INVALID_TYPE');
    const wrongLiteral = await soql(sandbox, "SELECT Id FROM Lead WHERE CreatedDate > '2024-01-01'");
    expect(wrongLiteral.body[0]).toMatchObject({ errorCode: 'INVALID_FIELD' });
  });

  it('answers for any version from 50.0 and 404s below it', async () => {
    const v66 = await fetch(`${sandbox.url}/services/data/v66.0/query?q=SELECT+Id+FROM+Lead+LIMIT+1`, {
      headers: { Authorization: `Bearer ${sandbox.accessToken}` },
    });
    const body = (await v66.json()) as { records: { attributes: { url: string } }[] };
    expect(body.records[0]?.attributes.url).toMatch(/^\/services\/data\/v66\.0\//);
    const v49 = await fetch(`${sandbox.url}/services/data/v49.0/query?q=SELECT+Id+FROM+Lead`, {
      headers: { Authorization: `Bearer ${sandbox.accessToken}` },
    });
    expect(v49.status).toBe(404);
    expect(await v49.json()).toEqual([
      { message: 'The requested resource does not exist', errorCode: 'NOT_FOUND' },
    ]);
  });

  it('answers 400 INVALID_QUERY_LOCATOR for an unknown locator', async () => {
    const reply = await soql(sandbox, 'SELECT Id FROM Lead');
    expect(reply.status).toBe(200);
    const more = await fetch(`${sandbox.url}${API}/query/01g000000000000AAA-2000`, {
      headers: { Authorization: `Bearer ${sandbox.accessToken}` },
    });
    expect(more.status).toBe(400);
    expect(((await more.json()) as { errorCode: string }[])[0]?.errorCode).toBe('INVALID_QUERY_LOCATOR');
  });
});
