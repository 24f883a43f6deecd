import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HubSpotSandbox } from '../../../../connectors/hubspot/sandbox/index.js';
import { SandboxError } from '../../../../connectors/hubspot/sandbox/index.js';
import { get, post, start } from './sandbox-fixture.js';

const limits = { perTenSeconds: 1000, searchPerSecond: 1000 };
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'leadscore-snapshot-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A portal changed through the API the way a sync and its handoff change it. */
async function changePortal(sandbox: HubSpotSandbox): Promise<string> {
  const contact = sandbox.store.listContacts()[3];
  if (!contact) throw new Error('the sandbox has no fourth contact');
  await post(sandbox, '/crm/v3/properties/contacts/groups', { name: 'leadscore', label: 'Lead scoring' });
  await post(sandbox, '/crm/v3/properties/contacts', {
    name: 'leadscore_score',
    label: 'Lead score',
    type: 'number',
    fieldType: 'number',
    groupName: 'leadscore',
  });
  await post(sandbox, '/crm/v3/objects/contacts/batch/update', {
    inputs: [
      { id: contact.id, properties: { leadscore_score: '87', lifecyclestage: 'marketingqualifiedlead' } },
    ],
  });
  await post(sandbox, '/crm/v3/objects/tasks', {
    properties: { hs_task_subject: 'Call the MQL', hs_timestamp: '2026-06-16T09:00:00.000Z' },
    associations: [
      { to: { id: contact.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 204 }] },
    ],
  });
  const email = encodeURIComponent(contact.properties.email ?? '');
  await post(sandbox, `/automation/v2/workflows/12345/enrollments/contacts/${email}`, undefined);
  return contact.id;
}

const readContact = (sandbox: HubSpotSandbox, id: string) =>
  post(sandbox, '/crm/v3/objects/contacts/batch/read', {
    inputs: [{ id }],
    properties: ['email', 'leadscore_score', 'lifecyclestage', 'lastmodifieddate'],
  });

describe('a saved sandbox, restored', () => {
  let file: string;
  let contactId: string;
  let before: { contact: unknown; properties: unknown; groups: unknown; associations: unknown };
  let original: HubSpotSandbox;
  let restored: HubSpotSandbox;

  const observe = async (sandbox: HubSpotSandbox) => ({
    contact: (await readContact(sandbox, contactId)).body.results,
    properties: (await get(sandbox, '/crm/v3/properties/contacts')).body.results,
    groups: (await get(sandbox, '/crm/v3/properties/contacts/groups')).body.results,
    associations: (
      await post(sandbox, '/crm/v4/associations/contacts/tasks/batch/read', { inputs: [{ id: contactId }] })
    ).body.results,
  });

  beforeAll(async () => {
    file = join(dir, 'portal', 'portal.json');
    original = await start({ contacts: 20, limits, snapshotFile: file });
    contactId = await changePortal(original);
    before = await observe(original);
    await original.save();
    await original.stop();
    // Other seed options: the snapshot, not the seed, decides what the portal holds.
    restored = await start({ contacts: 5, seed: 7, limits, snapshotFile: file });
  });
  afterAll(() => restored.stop());

  it('starts from a seed when the snapshot file does not exist yet', () => {
    expect(original.restored).toBe(false);
    expect(restored.restored).toBe(true);
  });

  it('answers the same contact, property, group and association reads over the API', async () => {
    expect(await observe(restored)).toEqual(before);
    expect(before.contact).toEqual([
      expect.objectContaining({
        properties: expect.objectContaining({
          leadscore_score: '87',
          lifecyclestage: 'marketingqualifiedlead',
        }),
      }),
    ]);
  });

  it('keeps every contact, task and enrollment', () => {
    expect(restored.store.listContacts()).toEqual(original.store.listContacts());
    expect(restored.store.listTasks()).toEqual(original.store.listTasks());
    expect(restored.store.listEnrollments()).toEqual(original.store.listEnrollments());
    expect(restored.store.listEngagements('emails')).toEqual(original.store.listEngagements('emails'));
  });

  it('gives a new engagement the next id, never one already used', () => {
    const used = original.store.listTasks().map((t) => Number(t.id));
    const next = restored.store.addEngagement({
      type: 'notes',
      contactId,
      properties: { hs_note_body: 'x' },
    });
    expect(Number(next.id)).toBe(Math.max(...used) + 1);
  });

  it('creates the snapshot’s folder and leaves no temporary file in it', () => {
    expect(readdirSync(join(dir, 'portal'))).toEqual(['portal.json']);
  });
});

describe('a snapshot file that cannot be restored', () => {
  it('is a SandboxError naming the file when it is not JSON, and is left as it was', async () => {
    const file = join(dir, 'corrupt.json');
    writeFileSync(file, '{"version": 1, "contacts": [');
    const started = start({ snapshotFile: file });
    await expect(started).rejects.toThrow(SandboxError);
    await expect(started).rejects.toThrow(`${file} is not a HubSpot sandbox snapshot`);
    expect(existsSync(file)).toBe(true);
  });

  it('is a SandboxError naming the file and the field when it is JSON of another shape', async () => {
    const file = join(dir, 'foreign.json');
    writeFileSync(file, JSON.stringify({ version: 2, kind: 'leadscore-hubspot-sandbox' }));
    await expect(start({ snapshotFile: file })).rejects.toThrow(
      expect.objectContaining({
        code: 'SANDBOX_SNAPSHOT_INVALID',
        message: expect.stringMatching(new RegExp(`^${file}.*\\(version: `)),
      }),
    );
  });
});

describe('save without a snapshot file', () => {
  it('is a SandboxError', async () => {
    const sandbox = await start({ contacts: 1, limits });
    try {
      await expect(sandbox.save()).rejects.toThrow(
        expect.objectContaining({ code: 'SANDBOX_NO_SNAPSHOT_FILE' }),
      );
    } finally {
      await sandbox.stop();
    }
  });
});
