import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONNECTORS } from '../../../connectors/registry.js';
import { DEFAULT_PRIVATE_APP_TOKEN } from '../../../connectors/hubspot/sandbox/index.js';
import { startSandboxes, stopSandboxes } from '../../../src/cli/sandbox-launch.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'leadscore-sandbox-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const request = { port: 0, contacts: 25, perTenSeconds: 190, connector: 'hubspot' };

describe('leadscore sandbox (HubSpot)', () => {
  it('answers at the printed URL with the printed token', async () => {
    const { sandboxes, lines } = await startSandboxes(CONNECTORS, request);
    try {
      const url = sandboxes[0]?.url ?? '';
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(lines).toContain(`  export HUBSPOT_ACCESS_TOKEN=${DEFAULT_PRIVATE_APP_TOKEN}`);
      expect(lines).toContain(`  export HUBSPOT_SANDBOX_URL=${url}`);
      const reply = await fetch(`${url}/crm/v3/objects/contacts?limit=100`, {
        headers: { Authorization: `Bearer ${DEFAULT_PRIVATE_APP_TOKEN}` },
      });
      expect(reply.status).toBe(200);
      expect(((await reply.json()) as { results: unknown[] }).results).toHaveLength(25);
    } finally {
      await stopSandboxes(sandboxes);
    }
  });

  it('saves the portal to the --persist file on stop, and the next start restores it', async () => {
    const persist = join(dir, 'portal.json');
    const first = await startSandboxes(CONNECTORS, { ...request, persist });
    await stopSandboxes(first.sandboxes);
    const second = await startSandboxes(CONNECTORS, { ...request, contacts: 3, persist });
    try {
      expect(second.sandboxes[0]?.restored).toBe(true);
      expect(second.lines[0]).toMatch(
        new RegExp(`^hubspot sandbox: .* \\(restored from ${persist}: portal with`),
      );
      const reply = await fetch(`${second.sandboxes[0]?.url}/crm/v3/objects/contacts?limit=100`, {
        headers: { Authorization: `Bearer ${DEFAULT_PRIVATE_APP_TOKEN}` },
      });
      expect(((await reply.json()) as { results: unknown[] }).results).toHaveLength(25);
    } finally {
      await stopSandboxes(second.sandboxes);
    }
  });
});
