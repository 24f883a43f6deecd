import { usageFromMetrics } from '../../src/connector/adapter-usage.js';
import type {
  AdapterUsage,
  CrmAdapter,
  HandoffAction,
  HandoffRequest,
  HandoffResult,
  HistoryOutcome,
  HistoryPage,
  HistoryQuery,
  Page,
  ProvisionReport,
  ReadQuery,
  ScoreUpdate,
  WriteGrouping,
  WriteResult,
} from '../../src/connector/crm-adapter.js';
import { ConnectorConfigError } from '../../src/connector/connector-errors.js';
import { RequestScheduler } from '../../src/http/request-scheduler.js';
import type { SchedulerMetrics } from '../../src/http/scheduler-metrics.js';
import { recordToLead } from '../../src/mapping/apply-mapping.js';
import type { CrmRecord, RecordProblemHandler } from '../../src/mapping/crm-record.js';
import { engagementProperties } from '../../src/mapping/load-mapping.js';
import type { Mapping } from '../../src/mapping/mapping-schema.js';
import { runSalesforceHandoff } from './handoff-actions.js';
import { SALESFORCE_HANDOFF_ACTIONS, salesforceActionEnabled } from './handoff-config.js';
import type { SalesforceHandoffConfig } from './handoff-config.js';
import { DEFAULT_QUERY_BATCH_SIZE, SalesforceApi } from './salesforce-api.js';
import type { SalesforceCredentials } from './salesforce-credentials.js';
import { SalesforceSession } from './salesforce-session.js';
import type { SalesforceCursor } from './salesforce-cursor.js';
import { DEFAULT_SALESFORCE_LIMITS, salesforcePolicy } from './salesforce-policy.js';
import type { SalesforceLimits } from './salesforce-policy.js';
import { missingFields } from './check-fields.js';
import type { FieldUse } from './check-fields.js';
import { assertActivityObjects, attachActivities, relationField } from './read-activities.js';
import type { ActivityReadStats } from './read-activities.js';
import { readObjects } from './read-objects.js';
import { readSalesforceHistory } from './read-history.js';
import { objectReads } from './salesforce-objects.js';
import type { ObjectMappings, ObjectRead } from './salesforce-objects.js';
import { DEFAULT_BULK_THRESHOLD } from './bulk-write.js';
import { provisionSalesforce } from './provision-fields.js';
import { handoffKeyFieldSpec } from './score-field-specs.js';
import { writeScores } from './salesforce-write.js';
import type { BudgetShareGuard } from './budget-share-guard.js';

export interface SalesforceAdapterOptions {
  credentials: SalesforceCredentials;
  /** The objects to read, each with its mapping: Lead (unconverted ones), Contact, or both. */
  objects?: ObjectMappings;
  /** Shorthand for `objects: { [mapping.object]: mapping }`: one object. */
  mapping?: Mapping;
  /** Tasks, Events, email replies and campaign memberships as activities (the mappings' `engagements`); on by default. */
  activities?: boolean;
  /** REST API version, e.g. '62.0' (the default). */
  apiVersion?: string;
  limits?: SalesforceLimits;
  /** Stops the run once it has spent its share of the org's daily allocation. */
  budgetGuard?: BudgetShareGuard;
  /** Records per query batch (`Sforce-Query-Options: batchSize=N`, 200–2,000); 2,000 by default. */
  queryBatchSize?: number;
  /** Writes of at least this many updates go through Bulk API 2.0 jobs; 10,000 by default. */
  bulkThreshold?: number;
  /** Bulk API 2.0 job polling: first interval (doubling to 30 s) and the wait before giving up on a job. */
  bulkPolling?: { intervalMs?: number; maxWaitMs?: number };
  /** For the OAuth token endpoint (tests); the global fetch by default. */
  fetch?: typeof fetch;
  /** The MQL handoff actions to run on a transition (each switchable); none when absent. */
  handoff?: SalesforceHandoffConfig;
  /** What `readHistory` labels converted unless the query says: `converted` (the default) or `won`. */
  historyOutcome?: HistoryOutcome;
  /** Values in CRM records that could not be read as the mapping says (the record is still scored). */
  onProblem: RecordProblemHandler;
}

/**
 * Unconverted Leads and/or Contacts of a Salesforce org: read (full, incremental, by id, by email) with
 * their Tasks, Events, email replies and campaign memberships as activities, and score writes.
 */
export class SalesforceAdapter implements CrmAdapter {
  readonly crm = 'salesforce' as const;
  /** The configured handoff actions, in the order they run. */
  get handoffActions(): readonly HandoffAction[] {
    const handoff = this.options.handoff ?? {};
    return SALESFORCE_HANDOFF_ACTIONS.filter((action) => salesforceActionEnabled(handoff, action));
  }
  /**
   * A read of at least the bulk threshold writes its pages' updates together, so that they reach Bulk API
   * 2.0 as jobs of about `threshold` records instead of a collections call per 200. A group may span twice
   * the pages the threshold needs, so that pages where not every record changed still fill a job; sparser
   * updates go through collections when that span is reached.
   */
  get writeGrouping(): WriteGrouping {
    const updates = this.options.bulkThreshold ?? DEFAULT_BULK_THRESHOLD;
    const batch = this.options.queryBatchSize ?? DEFAULT_QUERY_BATCH_SIZE;
    return { updates, pages: 2 * Math.ceil(updates / batch) };
  }
  private readonly api: SalesforceApi;
  private readonly scheduler: RequestScheduler;
  /** The enabled objects in read order. */
  private readonly reads: ObjectRead[];
  /** Writes and provisioning use `mapping`: the first object's (all objects write the same score fields). */
  private readonly options: SalesforceAdapterOptions & { mapping: Mapping };
  private readonly activityTotals: ActivityReadStats = {
    queries: 0,
    queryMores: 0,
    records: 0,
    activities: 0,
  };

  constructor(options: SalesforceAdapterOptions) {
    this.reads = objectReads(options, options.queryBatchSize ?? DEFAULT_QUERY_BATCH_SIZE);
    if (options.activities !== false) for (const read of this.reads) assertActivityObjects(read.mapping);
    this.options = { ...options, mapping: this.reads[0]!.mapping };
    const session = new SalesforceSession(options.credentials, { fetch: options.fetch });
    this.scheduler = new RequestScheduler({
      policy: salesforcePolicy(options.limits ?? DEFAULT_SALESFORCE_LIMITS, options.budgetGuard),
      ...(session.canRefresh ? { refreshAuth: () => this.api.refreshSession() } : {}),
    });
    this.api = new SalesforceApi(this.scheduler, {
      session,
      version: options.apiVersion,
      budgetGuard: options.budgetGuard,
    });
  }

  /** The budget share is per run: a long-lived adapter (serve) measures each run from its own start. */
  beginRun(): void {
    this.options.budgetGuard?.reset();
  }

  usage(): AdapterUsage {
    return usageFromMetrics(this.scheduler.metrics());
  }

  metrics(): SchedulerMetrics {
    return this.scheduler.metrics();
  }

  /** Activity queries and what they found, over every page read so far. */
  activityStats(): ActivityReadStats {
    return { ...this.activityTotals };
  }

  /**
   * The session works, and every field the mappings read or write exists (describe): on each enabled
   * object, on the parents its paths go through (Account.Industry), and on the activity objects read.
   */
  async check(): Promise<void> {
    const uses: FieldUse[] = [];
    for (const { object, mapping, spec } of this.reads) {
      // The read's fields hold the score fields too: they are read back into `current`.
      uses.push({ object, fields: spec.fields });
      const confirmField = this.flowConfirmField();
      if (confirmField) uses.push({ object, fields: [confirmField] });
      if (this.options.activities === false) continue;
      for (const type of Object.keys(mapping.engagements)) {
        uses.push({
          object: type,
          fields: [relationField(type, object)!, ...engagementProperties(mapping, type)],
        });
      }
    }
    const missing = await missingFields(this.api, uses);
    if (missing.length > 0) {
      throw new ConnectorConfigError(
        'salesforce',
        `${missing.join('; ')} (or this user cannot see it); check the mapping and field-level security`,
      );
    }
  }

  async *read(query: ReadQuery): AsyncGenerator<Page> {
    for await (const batch of readObjects(this.api, this.reads, query)) {
      const page = await this.toPage(batch.read, batch.records, batch.cursor);
      yield batch.total === undefined ? page : { ...page, total: batch.total };
    }
  }

  /** Every Lead (converted ones too) and Contact with its outcome: see read-history.ts. */
  readHistory(query: HistoryQuery = {}): AsyncGenerator<HistoryPage> {
    return readSalesforceHistory(this.api, this.reads, {
      outcome: query.outcome ?? this.options.historyOutcome ?? 'converted',
      activities: this.options.activities !== false,
      // A one-off read of everything: the largest batches, the fewest calls.
      batchSize: DEFAULT_QUERY_BATCH_SIZE,
      onProblem: this.options.onProblem,
    });
  }

  write(updates: ScoreUpdate[]): Promise<WriteResult> {
    const { bulkThreshold, bulkPolling } = this.options;
    return writeScores(this.api, this.options.mapping, updates, {
      threshold: bulkThreshold ?? DEFAULT_BULK_THRESHOLD,
      pollIntervalMs: bulkPolling?.intervalMs,
      maxWaitMs: bulkPolling?.maxWaitMs,
    });
  }

  /** The score fields on every configured object, and the permission set that grants them. */
  provision(): Promise<ProvisionReport> {
    const confirmField = this.flowConfirmField();
    return provisionSalesforce(this.api, this.options.mapping, {
      objects: this.reads.map((r) => r.object),
      extraFields: confirmField ? [handoffKeyFieldSpec(confirmField)] : [],
    });
  }

  /** The flow's confirmation field, when the flow action is on and has one. */
  private flowConfirmField(): string | undefined {
    const flow = this.options.handoff?.flow;
    return flow && this.handoffActions.includes('flow') ? flow.confirmField : undefined;
  }

  handoff(requests: HandoffRequest[]): Promise<HandoffResult[]> {
    return runSalesforceHandoff(this.api, this.options.handoff ?? {}, requests);
  }

  private async toPage(read: ObjectRead, records: CrmRecord[], cursor: SalesforceCursor): Promise<Page> {
    const { onProblem } = this.options;
    const { object, mapping } = read;
    const leads = records.map((record) =>
      recordToLead(mapping, record, { crm: 'salesforce', object, onProblem }),
    );
    if (this.options.activities !== false && leads.length > 0) {
      // Activity queries take the largest batches whatever the page size: fewer queryMore calls.
      const stats = await attachActivities(this.api, mapping, object, leads, {
        batchSize: DEFAULT_QUERY_BATCH_SIZE,
        onProblem,
      });
      for (const key of Object.keys(stats) as (keyof ActivityReadStats)[])
        this.activityTotals[key] += stats[key];
    }
    return { leads, cursor };
  }
}
