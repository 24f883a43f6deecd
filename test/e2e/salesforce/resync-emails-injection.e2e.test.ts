import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { rmSync } from 'node:fs';
import { CONNECTORS } from '../../../connectors/registry.js';
import { startSalesforceSandbox } from '../../../connectors/salesforce/sandbox/index.js';
import type { SalesforceSandbox } from '../../../connectors/salesforce/sandbox/index.js';
import { runCapturedWith } from '../../unit/cli/run-captured.js';
import { useSalesforceEnv, writeSalesforceDeployment } from '../sync/salesforce-final-state.js';
import type { SalesforceDeployment } from '../sync/salesforce-final-state.js';

/**
 * `leadscore resync --emails` with hostile input against the Salesforce sandbox: the values reach SOQL
 * only as escaped string literals, so a quote cannot end the literal and widen the query, and an address
 * that really holds a quote and a backslash is found exactly.
 */
const HOSTILE = "x@y.com' OR Name LIKE '%";
/** Passes the CLI's address check (no spaces), so it reaches SOQL. */
const SHAPED = "x@y.com'OR'Name'LIKE'%";
const QUOTED = "o'brien\\sales@northwind.example";

let sandbox: SalesforceSandbox;
let deployment: SalesforceDeployment;
let restoreEnv: () => void;
let quotedLeadId: string;

const resync = (emails: string) =>
  runCapturedWith(
    CONNECTORS,
    'resync',
    '--connector',
    'salesforce',
    '--emails',
    emails,
    '--config',
    deployment.file,
  );

/** The SOQL of every query the sandbox answered since `from`. */
const queriesSince = (from: number) =>
  sandbox.store
    .queryLog()
    .slice(from)
    .map((q) => q.soql);

beforeAll(async () => {
  sandbox = await startSalesforceSandbox({ leads: 200, contacts: 20, seed: 9 });
  restoreEnv = useSalesforceEnv(sandbox);
  deployment = writeSalesforceDeployment({ url: sandbox.url });
  const setup = await runCapturedWith(CONNECTORS, 'setup', '--config', deployment.file);
  if (setup.code !== 0) throw new Error(`setup failed: ${setup.stderr}`);
  const lead = sandbox.store.list('Lead').find((l) => l.IsConverted !== true)!;
  quotedLeadId = String(lead.Id);
  sandbox.store.update(quotedLeadId, { Email: QUOTED });
}, 60_000);

afterAll(async () => {
  restoreEnv?.();
  await sandbox?.stop();
  if (deployment) rmSync(deployment.dir, { recursive: true, force: true });
});

describe('leadscore resync --connector salesforce --emails with SOQL metacharacters', () => {
  it("refuses ' OR Name LIKE '% as no email address before any query is sent (exit 2)", async () => {
    const from = sandbox.store.queryLog().length;
    const run = await resync(HOSTILE);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--emails: "${HOSTILE}" is not an email address`);
    expect(queriesSince(from)).toEqual([]);
  });

  it('finds nobody for an address-shaped injection, its quotes escaped inside one literal', async () => {
    const from = sandbox.store.queryLog().length;
    const run = await resync(SHAPED);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/records read 0,/);
    const leadQueries = queriesSince(from).filter((soql) => /FROM Lead\b/.test(soql));
    expect(leadQueries.length).toBeGreaterThan(0);
    for (const soql of leadQueries) expect(soql).toContain("Email IN ('x@y.com\\'OR\\'Name\\'LIKE\\'%')");
  });

  it('finds exactly the lead whose address holds a quote and a backslash', async () => {
    const run = await resync(QUOTED);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/records read 1,/);
    expect(sandbox.store.get(quotedLeadId)?.LeadScore_Score__c).toEqual(expect.any(Number));
  });
});
