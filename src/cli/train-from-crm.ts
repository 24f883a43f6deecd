import type { ConnectorRegistry } from '../connector/connector-registry.js';
import { HISTORY_OUTCOMES } from '../connector/crm-adapter.js';
import type { CrmAdapter, HistoryOutcome, HistoryRecord } from '../connector/crm-adapter.js';
import { withOutcomes } from '../predictive/read-training-data.js';
import type { TrainingData } from '../predictive/read-training-data.js';
import type { DeploymentRuntime } from '../runtime/deployment-runtime.js';
import { UsageError } from '../util/errors.js';
import type { CliIo } from './cli-io.js';
import { crmHistoryTable } from './crm-history-table.js';
import type { LabelledLead } from './crm-history-table.js';
import { withRuntime } from './deployment-options.js';
import { measuredHistory } from './history-moments.js';
import type { DeploymentOptions } from './deployment-options.js';

/** HubSpot's stages that mean the contact became business (the "customer/opportunity"). */
export const DEFAULT_CONVERTED_STAGES = ['opportunity', 'customer', 'evangelist'];

/**
 * Fields sales sets after the outcome: the outcome's own source, the lead status and the owner would teach
 * the model what sales already decided. They are never features of a model trained on CRM history.
 * (Salesforce's conversion fields, IsConverted, ConvertedDate and the converted ids, are read for the label
 * only and never become fields of the lead; dates such as updatedAt are not features at all.)
 */
export const CRM_OUTCOME_FIELDS = ['lifecycleStage', 'leadStatus', 'ownerId'];

const OUTCOME_COLUMN = 'converted';

/** CRM_OUTCOME_FIELDS the history has (Salesforce maps no lifecycle stage): --exclude refuses unknown columns. */
export function crmOutcomeColumns(data: TrainingData): string[] {
  return CRM_OUTCOME_FIELDS.filter((field) => data.table.columns.includes(field));
}

/** How a CRM's history is labelled: `outcome` for adapters that read their history, `stages` for the others. */
export interface HistoryLabels {
  /** Lifecycle stages that count as converted (adapters without readHistory: HubSpot). */
  stages?: readonly string[];
  /** converted | won (adapters with readHistory: Salesforce); the connector's setting when absent. */
  outcome?: HistoryOutcome;
}

/**
 * A connector's history as training data. An adapter that reads its history (Salesforce: converted Leads,
 * won opportunities) labels each record and says when its outcome happened (see history-moments.ts).
 * Any other (HubSpot) gives every contact of a full read, converted when its lifecycle stage is one of
 * `stages`, all measured as of `asOf`. The whole history is held in memory (training needs every row).
 */
export async function readCrmHistory(
  runtime: DeploymentRuntime,
  connector: string,
  labels: HistoryLabels,
  asOf: Date,
): Promise<TrainingData> {
  const adapter = await runtime.adapter(connector);
  await adapter.check();
  const leads = adapter.readHistory
    ? await labelledHistory(adapter, connector, labels, asOf)
    : await labelledByStage(adapter, connector, labels, asOf);
  const table = crmHistoryTable(`${connector} (CRM history)`, leads, OUTCOME_COLUMN);
  return { ...withOutcomes(table, OUTCOME_COLUMN), asOf };
}

async function labelledHistory(
  adapter: CrmAdapter,
  connector: string,
  labels: HistoryLabels,
  asOf: Date,
): Promise<LabelledLead[]> {
  if (labels.stages !== undefined) {
    throw new UsageError(
      `train: --converted-stages is for lifecycle stages; the ${connector} connector labels its history itself (use --outcome)`,
    );
  }
  const records: HistoryRecord[] = [];
  for await (const page of adapter.readHistory!(labels.outcome ? { outcome: labels.outcome } : {})) {
    records.push(...page.records);
  }
  return measuredHistory(records, asOf);
}

async function labelledByStage(
  adapter: CrmAdapter,
  connector: string,
  labels: HistoryLabels,
  asOf: Date,
): Promise<LabelledLead[]> {
  if (labels.outcome !== undefined && labels.outcome !== 'converted') {
    throw new UsageError(
      `train: the ${connector} connector labels its history by lifecycle stage only; --outcome ${labels.outcome} needs a connector that reads deals (salesforce)`,
    );
  }
  const wanted = new Set((labels.stages ?? DEFAULT_CONVERTED_STAGES).map((s) => s.toLowerCase()));
  const leads: LabelledLead[] = [];
  for await (const page of adapter.read({ kind: 'full' })) {
    for (const lead of page.leads) {
      leads.push({ lead, converted: wanted.has((lead.lifecycleStage ?? '').toLowerCase()), asOf });
    }
  }
  return leads;
}

export function parseHistoryOutcome(value: string | undefined): HistoryOutcome | undefined {
  if (value === undefined) return undefined;
  const outcome = HISTORY_OUTCOMES.find((o) => o === value.trim().toLowerCase());
  if (!outcome)
    throw new UsageError(`train: --outcome must be ${HISTORY_OUTCOMES.join(' or ')}, got "${value}"`);
  return outcome;
}

export async function withCrmHistory<T>(
  options: DeploymentOptions & { connector: string; convertedStages?: string; outcome?: string },
  io: CliIo,
  connectors: ConnectorRegistry,
  work: (data: TrainingData) => Promise<T>,
): Promise<T> {
  const outcome = parseHistoryOutcome(options.outcome);
  const stages = options.convertedStages
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const labels: HistoryLabels = { ...(stages?.length ? { stages } : {}), ...(outcome ? { outcome } : {}) };
  return withRuntime(options, io, connectors, async (runtime) => {
    const [name] = runtime.connectorNames(options.connector);
    return work(await readCrmHistory(runtime, name!, labels, new Date()));
  });
}
