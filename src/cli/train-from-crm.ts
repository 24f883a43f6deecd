import type { ConnectorRegistry } from '../connector/connector-registry.js';
import { leadsToTable } from '../predictive/lead-rows.js';
import type { LeadRecord } from '../predictive/lead-records.js';
import { withOutcomes } from '../predictive/read-training-data.js';
import type { TrainingData } from '../predictive/read-training-data.js';
import type { DeploymentRuntime } from '../runtime/deployment-runtime.js';
import type { CliIo } from './cli-io.js';
import { withRuntime } from './deployment-options.js';
import type { DeploymentOptions } from './deployment-options.js';

/** HubSpot's stages that mean the contact became business (the "customer/opportunity"). */
export const DEFAULT_CONVERTED_STAGES = ['opportunity', 'customer', 'evangelist'];

/**
 * Fields sales sets after the outcome: the outcome's own source, the lead status and the owner would teach
 * the model what sales already decided. They are never features of a model trained on CRM history.
 */
export const CRM_OUTCOME_FIELDS = ['lifecycleStage', 'leadStatus', 'ownerId'];

const OUTCOME_COLUMN = 'converted';

/**
 * A connector's contacts as training data: every contact the full read returns, labelled converted when
 * its lifecycle stage is one of `stages`. The whole history is held in memory (training needs every row).
 */
export async function readCrmHistory(
  runtime: DeploymentRuntime,
  connector: string,
  stages: readonly string[],
  asOf: Date,
): Promise<TrainingData> {
  const adapter = await runtime.adapter(connector);
  await adapter.check();
  const records: LeadRecord[] = [];
  for await (const page of adapter.read({ kind: 'full' })) {
    for (const lead of page.leads) records.push({ lead, line: records.length + 1 });
  }
  const wanted = new Set(stages.map((s) => s.toLowerCase()));
  const table = leadsToTable(`${connector} (CRM history)`, records, asOf);
  table.columns.push(OUTCOME_COLUMN);
  table.cells.push(
    records.map(({ lead }) => (wanted.has((lead.lifecycleStage ?? '').toLowerCase()) ? '1' : '0')),
  );
  return { ...withOutcomes(table, OUTCOME_COLUMN), asOf };
}

export async function withCrmHistory<T>(
  options: DeploymentOptions & { connector: string; convertedStages?: string },
  io: CliIo,
  connectors: ConnectorRegistry,
  work: (data: TrainingData) => Promise<T>,
): Promise<T> {
  const stages = options.convertedStages
    ? options.convertedStages
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : DEFAULT_CONVERTED_STAGES;
  return withRuntime(options, io, connectors, async (runtime) => {
    const [name] = runtime.connectorNames(options.connector);
    return work(await readCrmHistory(runtime, name!, stages, new Date()));
  });
}
