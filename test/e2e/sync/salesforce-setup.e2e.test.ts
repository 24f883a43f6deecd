import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rmSync } from 'node:fs';
import { CONNECTORS } from '../../../connectors/registry.js';
import { startSalesforceSandbox } from '../../../connectors/salesforce/sandbox/index.js';
import type { SalesforceSandbox } from '../../../connectors/salesforce/sandbox/index.js';
import { runCapturedWith } from '../../unit/cli/run-captured.js';
import type { CliRun } from '../../unit/cli/run-captured.js';
import { SCORE_FIELDS, useSalesforceEnv, writeSalesforceDeployment } from './salesforce-final-state.js';
import type { SalesforceDeployment } from './salesforce-final-state.js';

/**
 * `leadscore setup --connector salesforce` against the sandbox org, twice: the first run creates the score
 * fields on Lead and Contact and the permission set that grants them; the second finds everything in place.
 */

let sandbox: SalesforceSandbox;
let deployment: SalesforceDeployment;
let restoreEnv: () => void;
let first: CliRun;
let second: CliRun;

const setup = () =>
  runCapturedWith(CONNECTORS, 'setup', '--connector', 'salesforce', '--config', deployment.file);
const fieldsOf = (object: string) =>
  sandbox.store.schema
    .find(object)
    ?.fields.map((f) => f.name)
    .filter((name) => name.startsWith('LeadScore_'));

beforeAll(async () => {
  sandbox = await startSalesforceSandbox({ leads: 20, contacts: 5, seed: 3 });
  restoreEnv = useSalesforceEnv(sandbox);
  deployment = writeSalesforceDeployment({ url: sandbox.url });
  first = await setup();
  second = await setup();
}, 60_000);

afterAll(async () => {
  restoreEnv?.();
  await sandbox?.stop();
  if (deployment) rmSync(deployment.dir, { recursive: true, force: true });
});

describe('leadscore setup --connector salesforce, run twice', () => {
  it('first creates the score fields on Lead and Contact, and the permission set granting them', () => {
    expect(first).toMatchObject({ code: 0, stderr: '' });
    for (const object of ['Lead', 'Contact']) {
      for (const field of SCORE_FIELDS)
        expect(first.stdout).toContain(`salesforce: field ${object}.${field} created`);
      expect(fieldsOf(object)?.sort()).toEqual([...SCORE_FIELDS].sort());
    }
    expect(first.stdout).toMatch(/^salesforce: permission set Lead_Scoring created$/m);
    expect(sandbox.store.list('PermissionSet').map((p) => p.Name)).toContain('Lead_Scoring');
    expect(first.stdout).toMatch(/^salesforce: \d+ created, 0 updated, 0 already in place$/m);
  });

  it('then changes nothing, and says everything the first run created is in place', () => {
    const created = Number(/^salesforce: (\d+) created/m.exec(first.stdout)?.[1]);
    expect(created).toBeGreaterThan(SCORE_FIELDS.length * 2);
    expect(second).toEqual({
      code: 0,
      stdout: `salesforce: no change (${created} already in place)\n`,
      stderr: '',
    });
  });
});
