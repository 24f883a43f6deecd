import { usageFromMetrics } from '../../src/connector/adapter-usage.js';
import type {
  AdapterUsage,
  CrmAdapter,
  HandoffAction,
  HandoffRequest,
  HandoffResult,
  Page,
  ProvisionReport,
  ReadQuery,
  ScoreUpdate,
  WriteResult,
} from '../../src/connector/crm-adapter.js';
import { ConnectorConfigError } from '../../src/connector/connector-errors.js';
import { RequestScheduler } from '../../src/http/request-scheduler.js';
import type { SchedulerMetrics } from '../../src/http/scheduler-metrics.js';
import { recordToLead } from '../../src/mapping/apply-mapping.js';
import type { CrmRecord, RecordProblemHandler } from '../../src/mapping/crm-record.js';
import { requiredProperties } from '../../src/mapping/load-mapping.js';
import type { Mapping } from '../../src/mapping/mapping-schema.js';
import { DEFAULT_QUERY_BATCH_SIZE, SalesforceApi } from './salesforce-api.js';
import type { SalesforceCredentials } from './salesforce-credentials.js';
import { parseSalesforceCursor } from './salesforce-cursor.js';
import type { IncrementalCursor, SalesforceCursor } from './salesforce-cursor.js';
import { DEFAULT_SALESFORCE_LIMITS, salesforcePolicy } from './salesforce-policy.js';
import type { SalesforceLimits } from './salesforce-policy.js';
import { INCREMENTAL_OVERLAP_MS, readAllLeads, readChangedLeads, readLeadsBy } from './salesforce-read.js';
import type { ReadSpec } from './salesforce-read.js';
import { writeScores } from './salesforce-write.js';
import type { BudgetShareGuard } from './budget-share-guard.js';

export interface SalesforceAdapterOptions {
  credentials: SalesforceCredentials;
  mapping: Mapping;
  /** REST API version, e.g. '62.0' (the default). */
  apiVersion?: string;
  limits?: SalesforceLimits;
  /** Stops the run once it has spent its share of the org's daily allocation. */
  budgetGuard?: BudgetShareGuard;
  /** Records per query batch (`Sforce-Query-Options: batchSize=N`, 200–2,000); 2,000 by default. */
  queryBatchSize?: number;
  /** Values in CRM records that could not be read as the mapping says (the record is still scored). */
  onProblem: RecordProblemHandler;
}

/**
 * Leads of a Salesforce org: read (full, incremental, by id, by email) and score writes. Provisioning the
 * LeadScore fields, the MQL handoff and engagement activities are not part of this first version.
 */
export class SalesforceAdapter implements CrmAdapter {
  readonly crm = 'salesforce' as const;
  readonly handoffActions: readonly HandoffAction[] = [];
  private readonly api: SalesforceApi;
  private readonly scheduler: RequestScheduler;
  private readonly spec: ReadSpec;

  constructor(private readonly options: SalesforceAdapterOptions) {
    const { mapping } = options;
    if (mapping.crm !== 'salesforce' || mapping.object !== 'Lead') {
      throw new ConnectorConfigError(
        'salesforce',
        `the mapping is for ${mapping.crm} ${mapping.object}; this adapter reads salesforce Lead`,
      );
    }
    this.scheduler = new RequestScheduler({
      policy: salesforcePolicy(options.limits ?? DEFAULT_SALESFORCE_LIMITS, options.budgetGuard),
    });
    this.api = new SalesforceApi(this.scheduler, {
      instanceUrl: options.credentials.instanceUrl,
      accessToken: options.credentials.accessToken,
      version: options.apiVersion,
    });
    this.spec = {
      fields: requiredProperties(mapping),
      batchSize: options.queryBatchSize ?? DEFAULT_QUERY_BATCH_SIZE,
    };
  }

  usage(): AdapterUsage {
    return usageFromMetrics(this.scheduler.metrics());
  }

  metrics(): SchedulerMetrics {
    return this.scheduler.metrics();
  }

  /** The session works and every mapped Lead field exists (describe). */
  async check(): Promise<void> {
    const describe = await this.api.call('GET /sobjects/Lead/describe', (conn) =>
      conn.sobject('Lead').describe(),
    );
    const known = new Set(describe.fields.map((field) => field.name.toLowerCase()));
    const wanted = [...this.spec.fields, ...Object.values(this.options.mapping.scoreProperties)].filter(
      (name): name is string => typeof name === 'string' && !name.includes('.'),
    );
    const missing = [...new Set(wanted.filter((name) => !known.has(name.toLowerCase())))];
    if (missing.length > 0) {
      throw new ConnectorConfigError(
        'salesforce',
        `Lead has no field ${missing.join(', ')} (or this user cannot see it); check the mapping and field-level security`,
      );
    }
  }

  async *read(query: ReadQuery): AsyncGenerator<Page> {
    switch (query.kind) {
      case 'full': {
        const resume = parseSalesforceCursor(query.cursor);
        // A finished full read is not resumed: the next full read starts over.
        const url =
          resume?.kind === 'full' && !resume.done ? (resume.nextRecordsUrl ?? undefined) : undefined;
        for await (const page of readAllLeads(this.api, this.spec, url)) {
          yield this.toPage(page.records, page.cursor);
        }
        return;
      }
      case 'incremental': {
        const start = incrementalStart(parseSalesforceCursor(query.cursor), query.since, query.asOf);
        for await (const page of readChangedLeads(this.api, this.spec, start)) {
          yield this.toPage(page.records, page.cursor);
        }
        return;
      }
      case 'ids':
      case 'emails': {
        const values = query.kind === 'ids' ? query.ids : query.emails;
        if (values.length === 0) return;
        let read = 0;
        for await (const records of readLeadsBy(
          this.api,
          this.spec,
          query.kind === 'ids' ? 'Id' : 'Email',
          values,
        )) {
          read += records.length;
          yield this.toPage(records, { kind: 'lookup', read, done: false });
        }
        return;
      }
    }
  }

  write(updates: ScoreUpdate[]): Promise<WriteResult> {
    return writeScores(this.api, this.options.mapping, updates);
  }

  provision(): Promise<ProvisionReport> {
    return Promise.reject(
      new ConnectorConfigError(
        'salesforce',
        'provision is not implemented yet; create the LeadScore fields by hand',
      ),
    );
  }

  handoff(_requests: HandoffRequest[]): Promise<HandoffResult[]> {
    return Promise.reject(new ConnectorConfigError('salesforce', 'handoff is not implemented yet'));
  }

  private toPage(records: CrmRecord[], cursor: SalesforceCursor): Page {
    const { mapping, onProblem } = this.options;
    const leads = records.map((record) =>
      recordToLead(mapping, record, { crm: 'salesforce', object: 'Lead', onProblem }),
    );
    return { leads, cursor };
  }
}

/**
 * An unfinished incremental read resumes after its keyset; a finished one starts the next at its high-water
 * mark, and a first one at `since` (our clock), both less the clock-skew overlap.
 */
function incrementalStart(
  cursor: SalesforceCursor | undefined,
  since: Date | undefined,
  asOf: Date | undefined,
): IncrementalCursor {
  if (cursor?.kind === 'incremental' && !cursor.done) return cursor;
  const from =
    cursor?.kind === 'incremental'
      ? Math.max(0, cursor.highWater - INCREMENTAL_OVERLAP_MS)
      : Math.max(0, (since?.getTime() ?? 0) - INCREMENTAL_OVERLAP_MS);
  const highWater = Math.max(from, asOf?.getTime() ?? 0);
  return { kind: 'incremental', since: from, afterStamp: null, afterId: null, highWater, done: false };
}
