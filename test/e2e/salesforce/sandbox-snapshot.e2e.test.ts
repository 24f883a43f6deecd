import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONNECTORS } from '../../../connectors/registry.js';
import { startSalesforceSandbox } from '../../../connectors/salesforce/sandbox/index.js';
import { f } from '../../../connectors/salesforce/sandbox/data/field-types.js';
import type { OrgSnapshot } from '../../../connectors/salesforce/sandbox/data/org-snapshot.js';
import { startSandboxes, stopSandboxes } from '../../../src/cli/sandbox-launch.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'leadscore-sf-snapshot-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the Salesforce sandbox snapshot', () => {
  it('restores the org as saved: records, edits and custom fields, not a new seed', async () => {
    const file = join(dir, 'org.json');
    const first = await startSalesforceSandbox({ leads: 12, contacts: 3, snapshotFile: file });
    const lead = first.store.list('Lead')[0]!;
    first.store.schema.addField('Lead', f('LeadScore_Score__c', 'double', { custom: true }));
    first.store.update(String(lead.Id), { Title: 'Chief Revenue Officer', LeadScore_Score__c: 77 });
    expect(first.restored).toBe(false);
    await first.save();
    await first.stop();

    const second = await startSalesforceSandbox({ leads: 500, contacts: 0, snapshotFile: file });
    try {
      expect(second.restored).toBe(true);
      expect(second.store.count('Lead')).toBe(12);
      expect(second.store.count('Contact')).toBe(3);
      expect(second.store.get(String(lead.Id))).toMatchObject({
        Title: 'Chief Revenue Officer',
        LeadScore_Score__c: 77,
      });
      const reply = await fetch(`${second.url}/services/data/v62.0/sobjects/Lead/describe`, {
        headers: { Authorization: `Bearer ${second.accessToken}` },
      });
      const describe = (await reply.json()) as { fields: { name: string }[] };
      expect(describe.fields.map((field) => field.name)).toContain('LeadScore_Score__c');
    } finally {
      await second.stop();
    }
  });

  it('restores a snapshot saved before the sandbox had emails, with EmailMessage and its relations empty', async () => {
    const file = join(dir, 'before-emails.json');
    const first = await startSalesforceSandbox({ leads: 12, contacts: 3, snapshotFile: file });
    await first.save();
    await first.stop();
    const saved = JSON.parse(readFileSync(file, 'utf8')) as OrgSnapshot;
    const older = (name: string) => !name.startsWith('EmailMessage');
    saved.sobjects = saved.sobjects.filter((s) => older(s.name));
    saved.records = Object.fromEntries(Object.entries(saved.records).filter(([name]) => older(name)));
    writeFileSync(file, JSON.stringify(saved));

    const second = await startSalesforceSandbox({ snapshotFile: file });
    try {
      expect(second.restored).toBe(true);
      expect(second.store.count('Lead')).toBe(12);
      expect(second.store.count('EmailMessageRelation')).toBe(0);
      const reply = await fetch(`${second.url}/services/data/v62.0/sobjects/EmailMessageRelation/describe`, {
        headers: { Authorization: `Bearer ${second.accessToken}` },
      });
      expect(reply.status).toBe(200);
    } finally {
      await second.stop();
    }
  });

  it('refuses a file that is not a snapshot, naming it, rather than seeding over it', async () => {
    const file = join(dir, 'not-a-snapshot.json');
    writeFileSync(file, JSON.stringify({ hello: 'world' }));
    await expect(startSalesforceSandbox({ snapshotFile: file })).rejects.toThrow(
      new RegExp(`${file} is not a Salesforce sandbox snapshot \\(version 1\\)`),
    );
  });

  it('is what `leadscore sandbox --connector salesforce --persist FILE` saves on stop', async () => {
    const persist = join(dir, 'persisted.json');
    const request = { port: 0, contacts: 20, perTenSeconds: 190, connector: 'salesforce', persist };
    const first = await startSandboxes(CONNECTORS, request);
    await stopSandboxes(first.sandboxes);
    const second = await startSandboxes(CONNECTORS, { ...request, contacts: 3 });
    try {
      expect(second.sandboxes[0]?.restored).toBe(true);
      expect(second.lines.join('\n')).toMatch(/SALESFORCE_SANDBOX_URL=http:\/\/127\.0\.0\.1:\d+/);
    } finally {
      await stopSandboxes(second.sandboxes);
    }
  });
});
