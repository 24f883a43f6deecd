import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONNECTORS } from '../../../connectors/registry.js';
import { startHubSpotSandbox } from '../../../connectors/hubspot/sandbox/index.js';
import type { HubSpotSandbox } from '../../../connectors/hubspot/sandbox/index.js';
import type { CrmRecord } from '../../../connectors/hubspot/sandbox/index.js';
import { runCapturedWith } from '../../unit/cli/run-captured.js';

const MODEL = fileURLToPath(new URL('../../../config/scoring.yaml', import.meta.url));
const savedToken = process.env.HUBSPOT_ACCESS_TOKEN;
let sandbox: HubSpotSandbox;
let dir: string;
let config: string;

const explain = (...args: string[]) =>
  runCapturedWith(CONNECTORS, 'explain', '--config', config, '--connector', 'hubspot', ...args);

function contactWith(status: string): CrmRecord {
  const contact = sandbox.store
    .listContacts()
    .find((c) => c.properties.leadscore_mql_status === status && c.properties.email);
  if (!contact) throw new Error(`the sandbox has no contact with status ${status}`);
  return contact;
}

beforeAll(async () => {
  sandbox = await startHubSpotSandbox({ contacts: 60, seed: 7, limits: { perTenSeconds: 1000 } });
  dir = mkdtempSync(join(tmpdir(), 'leadscore-explain-'));
  config = join(dir, 'leadscore.yaml');
  writeFileSync(
    config,
    `model: ${MODEL}
state:
  file: state.sqlite
connectors:
  hubspot:
    baseUrl: ${sandbox.url}
    settings:
      limits: { perTenSeconds: 1000 }
      handoff:
        lifecycle_stage: {}
`,
  );
  process.env.HUBSPOT_ACCESS_TOKEN = sandbox.privateAppToken;
  const setup = await runCapturedWith(CONNECTORS, 'setup', '--config', config);
  expect(setup.code).toBe(0);
  const sync = await runCapturedWith(
    CONNECTORS,
    'sync',
    '--full',
    '--config',
    config,
    '--log-format',
    'text',
  );
  expect(sync.stdout).toContain('full run #1 ok');
}, 60_000);
afterAll(async () => {
  if (savedToken === undefined) delete process.env.HUBSPOT_ACCESS_TOKEN;
  else process.env.HUBSPOT_ACCESS_TOKEN = savedToken;
  await sandbox.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('leadscore explain', () => {
  it('shows the profile, the contributions and that a sync after a full sync would write nothing', async () => {
    const contact = contactWith('nurture');
    const run = await explain('--id', contact.id);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`<${contact.properties.email}>`);
    expect(run.stdout).toContain('Contributions:');
    expect(run.stdout).toMatch(/ {4}[+−]\d+ {2}.+ {2}\[rule \S+, \w+, count \d+, decay ×[\d.]+/);
    const computed = /Score now: (-?\d+)/.exec(run.stdout)?.[1];
    const inCrm = /CRM now: score (-?\d+)/.exec(run.stdout)?.[1];
    expect(computed).toBeDefined();
    expect(inCrm).toBe(computed);
    expect(inCrm).toBe(contact.properties.leadscore_score);
    expect(run.stdout).toContain('would write: no');
    expect(run.stdout).toContain('would hand off: no');
  });

  it("shows an MQL's handoff in the ledger and that it is not handed off again", async () => {
    const contact = contactWith('mql');
    const run = await explain('--id', contact.id);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('status a sync would write: mql');
    expect(run.stdout).toContain('would hand off: no — already an MQL in the CRM');
    expect(run.stdout).toMatch(new RegExp(`Handoff ledger \\(hubspot:contacts?:${contact.id}:mql:0:`));
    expect(run.stdout).toMatch(/lifecycle_stage +succeeded +1 attempt/);
    expect(run.stdout).toMatch(
      /Score history \(last 1, newest first\)\n {2}\S+ {2}score +\d+ {2}grade [A-D] {2}mql/,
    );
  });

  it('prints one JSON object with every section', async () => {
    const contact = contactWith('nurture');
    const run = await explain('--id', contact.id, '--format', 'json');
    expect(run.code).toBe(0);
    const x = JSON.parse(run.stdout) as Record<string, unknown> & {
      score: { score: number; contributions: unknown[] };
      crm: { current: { score: number }; wouldWrite: boolean };
    };
    expect(Object.keys(x)).toEqual(
      expect.arrayContaining([
        'profile',
        'activities',
        'score',
        'lifecycle',
        'crm',
        'ledger',
        'history',
        'deadLetter',
      ]),
    );
    expect(x.profile).toMatchObject({ email: contact.properties.email });
    expect(x.score.contributions.length).toBeGreaterThan(0);
    expect(x.crm.current.score).toBe(x.score.score);
    expect(x.crm.wouldWrite).toBe(false);
  });

  it('exits with 2 for an id the CRM does not have', async () => {
    const run = await explain('--id', '999999999');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('hubspot: no record with id "999999999"');
  });

  it('exits with 2 for an id that cannot be a record id', async () => {
    const run = await explain('--id', '1,2');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--id: "1,2" is not a record id');
  });
});
