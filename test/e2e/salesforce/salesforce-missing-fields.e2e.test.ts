import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { SalesforceAdapter } from '../../../connectors/salesforce/salesforce-adapter.js';
import { startSalesforceSandbox } from '../../../connectors/salesforce/sandbox/index.js';
import type { SalesforceSandbox } from '../../../connectors/salesforce/sandbox/index.js';
import { loadMapping } from '../../../src/mapping/load-mapping.js';
import type { Mapping } from '../../../src/mapping/mapping-schema.js';

// The sandbox as it ships: its Lead has no LeadScore_*__c fields (nor State and City).
const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
let sandbox: SalesforceSandbox;
let mapping: Mapping;

const adapter = () =>
  new SalesforceAdapter({
    credentials: { instanceUrl: sandbox.instanceUrl, accessToken: sandbox.accessToken },
    mapping,
    onProblem: () => {},
  });

beforeAll(async () => {
  sandbox = await startSalesforceSandbox({ leads: 20, contacts: 0 });
  mapping = await loadMapping(root('mappings/salesforce.yaml'));
});
afterAll(async () => {
  await sandbox.stop();
});

describe('Salesforce adapter on an org without the LeadScore fields', () => {
  it('check names the missing fields', async () => {
    await expect(adapter().check()).rejects.toThrow(/Lead has no field LeadScore_Score__c, LeadScore_Fit__c/);
  });

  it('write returns every record as failed with INVALID_FIELD, and the call itself succeeds', async () => {
    const id = String(sandbox.store.list('Lead')[0]?.Id);
    const result = await adapter().write([
      {
        ref: { crm: 'salesforce', object: 'Lead', id },
        values: {
          score: 1,
          fit: 1,
          engagement: 0,
          grade: 'D',
          status: 'nurture',
          reasons: '',
          model: 'm',
          scoredAt: new Date(0),
        },
      },
    ]);
    expect(result.written).toEqual([]);
    expect(result.failed).toEqual([
      expect.objectContaining({
        code: 'INVALID_FIELD',
        reason: expect.stringContaining("No such column 'LeadScore_Score__c'"),
      }),
    ]);
    expect(sandbox.store.collectionUpdates().map((c) => c.autoAssignHeader)).toEqual(['FALSE']);
  });

  it('a read of the mapped fields fails as a whole with Salesforce INVALID_FIELD', async () => {
    const pages = adapter().read({ kind: 'full' });
    await expect(pages[Symbol.asyncIterator]().next()).rejects.toThrow(/INVALID_FIELD/);
  });
});
