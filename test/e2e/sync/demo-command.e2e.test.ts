import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONNECTORS } from '../../../connectors/registry.js';
import { packageRoot } from '../../../src/util/package-root.js';
import type { CliRun } from '../../unit/cli/run-captured.js';
import { runCapturedWith } from '../../unit/cli/run-captured.js';

let dir: string;
let config: string;
let first: CliRun;
let second: CliRun;

/** config/sandbox.yaml with its state (and so the demo's portal) in a temporary folder. */
function tempDeployment(): string {
  const shipped = readFileSync(join(packageRoot(), 'config', 'sandbox.yaml'), 'utf8');
  const text = shipped
    .replace(/^model: .*$/m, `model: ${JSON.stringify(join(packageRoot(), 'config', 'scoring.yaml'))}`)
    .replace(/^ {2}file: \.\.\/\.leadscore\/sandbox-state\.sqlite$/m, '  file: state/sandbox-state.sqlite');
  if (!text.includes('state/sandbox-state.sqlite'))
    throw new Error('config/sandbox.yaml changed its state file');
  const file = join(dir, 'sandbox.yaml');
  writeFileSync(file, text);
  return file;
}

const demo = (...extra: string[]) =>
  runCapturedWith(CONNECTORS, 'demo', '--config', config, '--contacts', '150', ...extra);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'leadscore-demo-'));
  config = tempDeployment();
  first = await demo();
  second = await demo();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('leadscore demo', () => {
  it('sets up a new portal, writes every contact and hands off its MQLs on the first run', () => {
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('a new demo portal with 150 contacts');
    expect(first.stdout).toMatch(/hubspot: setup: \d+ created/);
    expect(first.stdout).toContain('records read 150, scored 150, written 150, unchanged 0, failed 0');
    expect(first.stdout).toMatch(/MQLs handed off: [1-9]/);
  });

  it('keeps the portal and the state next to the state file', () => {
    expect(existsSync(join(dir, 'state', 'sandbox-hubspot.json'))).toBe(true);
    expect(existsSync(join(dir, 'state', 'sandbox-state.sqlite'))).toBe(true);
  });

  it('restores the portal and writes nothing and hands off nothing on the second run', () => {
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('restored from');
    expect(second.stdout).toContain('hubspot: setup: no change');
    expect(second.stdout).toContain('records read 150, scored 150, written 0, unchanged 150, failed 0');
    expect(second.stdout).toContain('MQLs handed off: 0');
  });

  it('ends with where the state is and how to look at it', () => {
    expect(second.stdout).toContain(join(dir, 'state', 'sandbox-state.sqlite'));
    expect(second.stdout).toContain(`npx leadscore status --config ${config}`);
  });

  it('starts over with --fresh: a new portal and every contact written again', async () => {
    const fresh = await demo('--fresh');
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toContain('a new demo portal with 150 contacts');
    expect(fresh.stdout).toContain('written 150');
    expect(fresh.stdout).toMatch(/MQLs handed off: [1-9]/);
  }, 60_000);

  it('refuses a deployment whose connector does not point at the sandbox', async () => {
    const elsewhere = join(dir, 'elsewhere.yaml');
    writeFileSync(
      elsewhere,
      readFileSync(config, 'utf8').replace(/baseUrl: .*$/m, 'baseUrl: https://api.hubapi.com'),
    );
    const run = await runCapturedWith(CONNECTORS, 'demo', '--config', elsewhere, '--contacts', '5');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      'baseUrl is https://api.hubapi.com; the demo runs only against the local sandbox',
    );
  });
});
