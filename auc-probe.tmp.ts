import { SalesforceAdapter } from './connectors/salesforce/salesforce-adapter.js';
import { startSalesforceSandbox } from './connectors/salesforce/sandbox/index.js';
import { loadMapping } from './src/mapping/load-mapping.js';
import { crmHistoryTable } from './src/cli/crm-history-table.js';
import type { LabelledLead } from './src/cli/crm-history-table.js';
import { measuredHistory } from './src/cli/history-moments.js';
import type { HistoryRecord } from './src/connector/crm-adapter.js';
import { withOutcomes } from './src/predictive/read-training-data.js';
import { trainPredictive } from './src/predictive/train-model.js';
import { topFactors } from './src/predictive/top-factors.js';
import { addLeadScoreFields } from './test/e2e/salesforce/sandbox-lead-fields.js';
import { addContactFields } from './test/e2e/salesforce/sandbox-contact-fields.js';

const leadsN = Number(process.argv[2] ?? 2000);
const seed = Number(process.argv[3] ?? 42);
const now = new Date('2026-06-15T12:00:00Z');
const sandbox = await startSalesforceSandbox({ leads: leadsN, contacts: Math.ceil(leadsN / 5), seed, now: () => now });
addLeadScoreFields(sandbox);
addContactFields(sandbox);
const Lead = await loadMapping('mappings/salesforce.yaml');
const Contact = await loadMapping('mappings/salesforce-contact.yaml');
for (const objects of [{ Lead }, { Lead, Contact }] as const) {
  for (const outcome of ['converted', 'won'] as const) {
    const adapter = new SalesforceAdapter({
      credentials: { instanceUrl: sandbox.instanceUrl, accessToken: sandbox.accessToken },
      objects,
      onProblem: () => {},
    });
    const recs: HistoryRecord[] = [];
    for await (const page of adapter.readHistory({ outcome })) recs.push(...page.records);
    const rows: LabelledLead[] = process.env.NAIVE ? recs.map(r => ({ ...r, asOf: r.outcomeAt && r.outcomeAt < now ? r.outcomeAt : now })) as LabelledLead[] : measuredHistory(recs, now);
    const data = withOutcomes(crmHistoryTable('probe', rows, 'converted'), 'converted');
    const t = trainPredictive(data, { exclude: ['leadStatus', 'ownerId'], seed: 42, format: 'jsonl' });
    const pos = data.outcomes.reduce((a, b) => a + b, 0);
    console.log(`${Object.keys(objects).join('+')} ${outcome}: rows ${data.outcomes.length} pos ${pos} unlabelled ${data.unlabelled} AUC ${t.cv.auc.toFixed(3)} ± ${t.cv.aucStd.toFixed(3)} holdout ${t.timeHoldout?.auc?.toFixed(3)}`);
    console.log('   ', topFactors(t.final, 6).map((f) => `${f.impact.toFixed(2)} ${f.feature}`).join(', '));
    for (const w of t.warnings) console.log('   warn', w);
  }
}
await sandbox.stop();
