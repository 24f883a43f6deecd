import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONNECTORS } from '../../../connectors/registry.js';
import { SalesforceAdapter } from '../../../connectors/salesforce/salesforce-adapter.js';
import { startSalesforceSandbox } from '../../../connectors/salesforce/sandbox/index.js';
import type { SalesforceSandbox } from '../../../connectors/salesforce/sandbox/index.js';
import type { HistoryOutcome, HistoryRecord } from '../../../src/connector/crm-adapter.js';
import { loadMapping } from '../../../src/mapping/load-mapping.js';
import { loadPredictiveModel } from '../../../src/predictive/index.js';
import { runCapturedWith } from '../../unit/cli/run-captured.js';

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const ENV = ['SALESFORCE_AUTH', 'SALESFORCE_CLIENT_ID', 'SALESFORCE_CLIENT_SECRET'] as const;
const saved = Object.fromEntries(ENV.map((name) => [name, process.env[name]]));
let sandbox: SalesforceSandbox;
let dir: string;

/** A deployment of the sandbox org, Leads and Contacts, with a predictive model or without. */
function deployment(name: string, predictive?: string, settings: string[] = []): string {
  const file = join(dir, name);
  writeFileSync(
    file,
    [
      `model: ${root('config/scoring.yaml')}`,
      `state: { file: ${join(dir, 'state.sqlite')} }`,
      ...(predictive ? [`predictive: { model: ${predictive} }`] : []),
      'connectors:',
      '  salesforce:',
      `    baseUrl: ${sandbox.url}`,
      '    settings:',
      `      loginUrl: ${sandbox.url}`,
      '      objects: { lead: { enabled: true }, contact: { enabled: true } }',
      ...settings.map((line) => `      ${line}`),
    ].join('\n'),
  );
  return file;
}

async function history(outcome: HistoryOutcome): Promise<HistoryRecord[]> {
  const adapter = new SalesforceAdapter({
    credentials: { instanceUrl: sandbox.instanceUrl, accessToken: sandbox.accessToken },
    objects: {
      Lead: await loadMapping(root('mappings/salesforce.yaml')),
      Contact: await loadMapping(root('mappings/salesforce-contact.yaml')),
    },
    onProblem: () => {},
  });
  const records: HistoryRecord[] = [];
  for await (const page of adapter.readHistory({ outcome })) records.push(...page.records);
  return records;
}

const leadsOf = (records: HistoryRecord[]) => records.filter((r) => r.lead.ref.object === 'Lead');

beforeAll(async () => {
  sandbox = await startSalesforceSandbox({ leads: 600, contacts: 120, seed: 7 });
  process.env.SALESFORCE_AUTH = 'client_credentials';
  process.env.SALESFORCE_CLIENT_ID = sandbox.oauth.clientId;
  process.env.SALESFORCE_CLIENT_SECRET = sandbox.oauth.clientSecret;
  dir = mkdtempSync(join(tmpdir(), 'leadscore-train-sf-'));
  const setup = await runCapturedWith(CONNECTORS, 'setup', '--config', deployment('leadscore.yaml'));
  expect(setup.code).toBe(0);
});
afterAll(async () => {
  for (const name of ENV) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the Salesforce history', () => {
  it('holds every Lead, the converted ones as positives measured at their ConvertedDate', async () => {
    const leads = leadsOf(await history('converted'));
    const store = sandbox.store.list('Lead');
    expect(leads).toHaveLength(store.length);
    const converted = new Map(store.filter((l) => l.IsConverted === true).map((l) => [l.Id, l]));
    expect(converted.size).toBeGreaterThan(30);
    for (const { lead, converted: label, outcomeAt } of leads) {
      const seeded = converted.get(lead.ref.id);
      expect(label).toBe(seeded !== undefined);
      if (seeded) expect(outcomeAt).toEqual(new Date(`${String(seeded.ConvertedDate)}T00:00:00Z`));
    }
  });

  it('never makes the conversion itself a field of the lead', async () => {
    const [record] = leadsOf(await history('converted')).filter((r) => r.converted);
    expect(record!.lead.leadStatus).toBe('Closed - Converted'); // mapped, and left out of training
    expect(JSON.stringify(record!.lead)).not.toMatch(/IsConverted|ConvertedOpportunityId|ConvertedContactId/);
  });

  it('outcome won: positive only when the converted opportunity was won; an open one is not known yet', async () => {
    const leads = leadsOf(await history('won'));
    const opportunities = new Map(sandbox.store.list('Opportunity').map((o) => [o.Id, o]));
    const byId = new Map(sandbox.store.list('Lead').map((l) => [l.Id, l]));
    const expected = (id: string) => {
      const seeded = byId.get(id)!;
      if (seeded.IsConverted !== true) return false;
      const opportunity = opportunities.get(seeded.ConvertedOpportunityId ?? null)!;
      return opportunity.IsClosed === true ? opportunity.IsWon === true : undefined;
    };
    for (const { lead, converted } of leads) expect(converted).toBe(expected(lead.ref.id));
    expect(leads.filter((r) => r.converted === true).length).toBeGreaterThan(5);
    expect(leads.filter((r) => r.converted === undefined).length).toBeGreaterThan(0);
  });

  it('labels Contacts by won opportunities through their contact roles, leaving out those a Lead became', async () => {
    const contacts = (await history('converted')).filter((r) => r.lead.ref.object === 'Contact');
    const convertedInto = new Set(sandbox.store.list('Lead').map((l) => l.ConvertedContactId));
    const fresh = sandbox.store.list('Contact').filter((c) => !convertedInto.has(c.Id));
    expect(contacts.map((r) => r.lead.ref.id).sort()).toEqual(fresh.map((c) => String(c.Id)).sort());
    const opportunities = new Map(sandbox.store.list('Opportunity').map((o) => [o.Id, o]));
    const wonBy = new Set(
      sandbox.store
        .list('OpportunityContactRole')
        .filter((r) => opportunities.get(r.OpportunityId ?? null)?.IsWon === true)
        .map((r) => r.ContactId),
    );
    for (const { lead, converted } of contacts) {
      if (wonBy.has(lead.ref.id)) expect(converted).toBe(true);
      else expect(converted).not.toBe(true);
    }
  });

  it('gives a converted Lead the engagement Salesforce moved to its Contact, a record found twice once', async () => {
    const seeded = sandbox.store.list('Lead').find((l) => l.IsConverted === true)!;
    const contactId = String(seeded.ConvertedContactId);
    const before = leadsOf(await history('converted')).find((r) => r.lead.ref.id === seeded.Id)!;
    const campaign = sandbox.store.list('Campaign').find((c) => c.Type === 'Content')!;
    const day = String(seeded.ConvertedDate);
    // Converting moved this call to the Contact, and the membership gained the ContactId.
    sandbox.store.create('Task', {
      WhoId: contactId,
      Subject: 'Call',
      ActivityDate: day,
      Type: 'Call',
      TaskSubtype: 'Call',
      Status: 'Completed',
      IsClosed: true,
    });
    sandbox.store.create('CampaignMember', {
      CampaignId: String(campaign.Id),
      LeadId: String(seeded.Id),
      ContactId: contactId,
      Status: 'Responded',
      HasResponded: true,
      FirstRespondedDate: day,
    });
    const after = leadsOf(await history('converted')).find((r) => r.lead.ref.id === seeded.Id)!;
    const count = (r: HistoryRecord, type: string) => r.lead.activities.filter((a) => a.type === type).length;
    expect(count(after, 'call')).toBe(count(before, 'call') + 1);
    expect(count(after, 'content_download')).toBe(count(before, 'content_download') + 1);
  });
});

describe('leadscore train --connector salesforce, then a sync with the model', () => {
  const model = () => join(dir, 'sf.predictive.json');

  it('trains on the org’s history, never on the status, owner or conversion fields', async () => {
    const run = await runCapturedWith(
      CONNECTORS,
      'train',
      '--connector',
      'salesforce',
      '--config',
      deployment('leadscore.yaml'),
      '--out',
      model(),
    );
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Trained a predictive model of converted on [\d,]+ leads/);
    expect(run.stdout).toContain('left out (--exclude): leadStatus, ownerId');
    const trained = await loadPredictiveModel(model());
    const columns = new Set(trained.features.map((f) => f.column));
    for (const leaky of ['leadStatus', 'ownerId', 'lifecycleStage']) expect(columns.has(leaky)).toBe(false);
    expect([...columns].some((c) => c.endsWith('.count'))).toBe(true);
    expect(trained.positives).toBeGreaterThan(30);
    expect(trained.metrics.cvAuc).toBeGreaterThan(0.65);
  });

  it('--outcome won trains on won opportunities and leaves out the ones still open', async () => {
    const out = join(dir, 'won.predictive.json');
    const args = ['train', '--connector', 'salesforce', '--config', deployment('leadscore.yaml')];
    const run = await runCapturedWith(CONNECTORS, ...args, '--outcome', 'won', '--out', out);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/rows without a converted value were left out/);
    const converted = await loadPredictiveModel(model());
    const won = await loadPredictiveModel(out);
    expect(won.positives).toBeLessThan(converted.positives);

    const setting = deployment('won.yaml', undefined, ['training: { outcome: won }']);
    const bySetting = join(dir, 'won-by-setting.predictive.json');
    const settled = await runCapturedWith(
      CONNECTORS,
      'train',
      '--connector',
      'salesforce',
      '--config',
      setting,
      '--out',
      bySetting,
    );
    expect(settled.code).toBe(0);
    expect((await loadPredictiveModel(bySetting)).positives).toBe(won.positives);
  });

  it('refuses an unknown --outcome and HubSpot’s --converted-stages', async () => {
    const args = ['train', '--connector', 'salesforce', '--config', deployment('leadscore.yaml')];
    const bad = await runCapturedWith(CONNECTORS, ...args, '--outcome', 'closed');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--outcome must be converted or won');
    const stages = await runCapturedWith(CONNECTORS, ...args, '--converted-stages', 'customer');
    expect(stages.code).toBe(2);
    expect(stages.stderr).toContain('use --outcome');
  });

  it('a sync with predictive.model writes LeadScore_Predictive__c (0–100) and its top factors join the reasons', async () => {
    const run = await runCapturedWith(
      CONNECTORS,
      'sync',
      '--full',
      '--config',
      deployment('predictive.yaml', model()),
    );
    expect(run.code).toBe(0);
    const leads = sandbox.store.list('Lead').filter((l) => l.IsConverted !== true);
    expect(leads.length).toBeGreaterThan(400);
    for (const lead of leads) {
      const value = lead.LeadScore_Predictive__c;
      expect(Number.isInteger(value) && Number(value) >= 0 && Number(value) <= 100).toBe(true);
      expect(String(lead.LeadScore_Reasons__c)).toMatch(/Predictive \d+/);
    }
    expect(new Set(leads.map((l) => l.LeadScore_Predictive__c)).size).toBeGreaterThan(5);
    const contacts = sandbox.store.list('Contact');
    expect(contacts.every((c) => typeof c.LeadScore_Predictive__c === 'number')).toBe(true);
  });
});
