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
import { RequestScheduler } from '../../src/http/request-scheduler.js';
import { orderedMap } from '../../src/util/ordered-map.js';
import type { SchedulerMetrics } from '../../src/http/scheduler-metrics.js';
import type { Mapping } from '../../src/mapping/mapping-schema.js';
import { requiredProperties } from '../../src/mapping/load-mapping.js';
import { recordToLead } from '../../src/mapping/apply-mapping.js';
import type { RecordProblemHandler } from '../../src/mapping/crm-record.js';
import { HubSpotApi } from './hubspot-api.js';
import type { HubSpotCredentials } from './hubspot-credentials.js';
import { parseHubSpotCursor } from './hubspot-cursor.js';
import type { HubSpotCursor } from './hubspot-cursor.js';
import { DEFAULT_HUBSPOT_LIMITS, hubSpotPolicy } from './hubspot-policy.js';
import type { HubSpotLimits } from './hubspot-policy.js';
import { incrementalWindow } from '../../src/connector/incremental-window.js';
import { HubSpotTokenSource } from './hubspot-token-source.js';
import { readAllContacts, readChangedContacts, readContactsBy } from './read-contacts.js';
import type { HubSpotRecord } from './read-contacts.js';
import { checkProvisioned, provisionHubSpot } from './provision-properties.js';
import { writeScores } from './write-scores.js';
import { runHubSpotHandoff } from './handoff-actions.js';
import { actionEnabled, HUBSPOT_HANDOFF_ACTIONS } from './handoff-config.js';
import type { HubSpotHandoffConfig } from './handoff-config.js';
import { attachEngagements } from './read-engagements.js';
import type { EngagementReadStats } from './read-engagements.js';

/**
 * Pages whose engagements are read at the same time: one page's chain (associations, then objects) is
 * sequential, so a second page in flight keeps the rate budget busy. Cursors still come in page order.
 */
const PAGES_IN_FLIGHT = 3;

export interface HubSpotAdapterOptions {
  /** https://api.hubapi.com, or a sandbox on 127.0.0.1. */
  baseUrl: string;
  mapping: Mapping;
  credentials: HubSpotCredentials;
  limits?: HubSpotLimits;
  /** The MQL handoff actions to run on a transition (each switchable); none when absent. */
  handoff?: HubSpotHandoffConfig;
  /** Read engagements associated with each contact (the mapping's `engagements`); default on. */
  engagements?: boolean;
  /** Values in CRM records that could not be read as the mapping says (the record is still scored). */
  onProblem: RecordProblemHandler;
}

export class HubSpotAdapter implements CrmAdapter {
  readonly crm = 'hubspot' as const;
  readonly handoffActions: readonly HandoffAction[];
  private readonly api: HubSpotApi;
  private readonly scheduler: RequestScheduler;
  private readonly properties: string[];
  private readonly engagementTotals: EngagementReadStats = {
    associationReads: 0,
    objectReads: 0,
    engagements: 0,
    activities: 0,
  };

  constructor(private readonly options: HubSpotAdapterOptions) {
    const tokens = new HubSpotTokenSource(options.credentials, options.baseUrl);
    this.scheduler = new RequestScheduler({
      policy: hubSpotPolicy(options.limits ?? DEFAULT_HUBSPOT_LIMITS),
      refreshAuth: async () => {
        await tokens.refresh();
      },
    });
    this.api = new HubSpotApi(tokens, this.scheduler, options.baseUrl);
    this.properties = requiredProperties(options.mapping);
    const handoff = options.handoff ?? {};
    this.handoffActions = HUBSPOT_HANDOFF_ACTIONS.filter((action) => actionEnabled(handoff, action));
  }

  usage(): AdapterUsage {
    return usageFromMetrics(this.scheduler.metrics());
  }

  metrics(): SchedulerMetrics {
    return this.scheduler.metrics();
  }

  /** Calls and activities from associated engagements since the adapter was made (for benchmarks). */
  engagementStats(): EngagementReadStats {
    return { ...this.engagementTotals };
  }

  /** Credentials and scopes (reading contact properties needs crm.schemas.contacts.read), and setup done. */
  async check(): Promise<void> {
    await checkProvisioned(this.api, this.options.mapping);
  }

  async *read(query: ReadQuery): AsyncGenerator<Page> {
    switch (query.kind) {
      case 'full': {
        const resume = parseHubSpotCursor(query.cursor);
        // A finished full read is not resumed: the next full read starts over.
        const pages = readAllContacts(
          this.api,
          this.properties,
          resume?.kind === 'full' && !resume.done ? resume : undefined,
        );
        yield* orderedMap(pages, (page) => this.toPage(page.records, page.cursor), PAGES_IN_FLIGHT);
        return;
      }
      case 'incremental': {
        const start = this.incrementalStart(parseHubSpotCursor(query.cursor), query.since, query.asOf);
        const pages = readChangedContacts(this.api, this.properties, start);
        yield* orderedMap(pages, (page) => this.toPage(page.records, page.cursor), PAGES_IN_FLIGHT);
        return;
      }
      case 'ids':
      case 'emails': {
        const values = query.kind === 'ids' ? query.ids : query.emails;
        let read = 0;
        for await (const records of readContactsBy(
          this.api,
          this.properties,
          query.kind === 'ids' ? 'hs_object_id' : 'email',
          values,
        )) {
          read += records.length;
          yield await this.toPage(records, { kind: 'lookup', read, done: false });
        }
        return;
      }
    }
  }

  write(updates: ScoreUpdate[]): Promise<WriteResult> {
    return writeScores(this.api, this.options.mapping, updates);
  }

  provision(): Promise<ProvisionReport> {
    return provisionHubSpot(this.api, this.options.mapping);
  }

  handoff(requests: HandoffRequest[]): Promise<HandoffResult[]> {
    return runHubSpotHandoff(this.api, this.options.handoff ?? {}, requests);
  }

  /**
   * A finished incremental read starts the next one at its high-water mark, and a first one at `since`
   * (our clock), both less the clock-skew overlap.
   */
  private incrementalStart(
    cursor: HubSpotCursor | undefined,
    since: Date | undefined,
    asOf: Date | undefined,
  ): Extract<HubSpotCursor, { kind: 'incremental' }> {
    if (cursor?.kind === 'incremental' && !cursor.done) return cursor;
    const previous = cursor?.kind === 'incremental' ? cursor.highWater : undefined;
    const window = incrementalWindow(previous, since, asOf);
    return { kind: 'incremental', ...window, after: null, afterId: null, done: false };
  }

  private async toPage(records: HubSpotRecord[], cursor: HubSpotCursor): Promise<Page> {
    const { mapping, onProblem } = this.options;
    const leads = records.map((record) =>
      recordToLead(mapping, record, { crm: 'hubspot', object: 'contact', onProblem }),
    );
    if (
      this.options.engagements !== false &&
      Object.keys(mapping.engagements ?? {}).length > 0 &&
      leads.length > 0
    ) {
      const stats = await attachEngagements(this.api, mapping, leads, onProblem);
      for (const key of Object.keys(stats) as (keyof EngagementReadStats)[])
        this.engagementTotals[key] += stats[key];
    }
    return { leads, cursor };
  }
}
