import type { Crm, Grade, Lead, LeadRef, Status } from '../model/lead.js';

/**
 * The contract every CRM connector implements. The core (sync pipeline, commands) speaks only this;
 * vendor SDKs, paging, limits and error shapes stay behind it in connectors/<vendor>.
 */
export interface CrmAdapter {
  readonly crm: Crm;
  /** The handoff actions this deployment switched on, in the order they run; empty = no handoff. */
  readonly handoffActions: readonly HandoffAction[];
  /** Authentication and permissions; throws a ConnectorError with a clear, secret-free message. */
  check(): Promise<void>;
  /** Pages of leads (≤ the vendor's page size), each with the cursor to resume after it. */
  read(query: ReadQuery): AsyncIterable<Page>;
  /** Per-record failures come back in the result; only a failure of the whole call throws. */
  write(updates: ScoreUpdate[]): Promise<WriteResult>;
  /** Creates what is missing (properties, groups, fields, permissions); idempotent. */
  provision(): Promise<ProvisionReport>;
  /** Runs the given actions of each transition; the caller's ledger makes them exactly-once. */
  handoff(requests: HandoffRequest[]): Promise<HandoffResult[]>;
  /** API calls since the adapter was made (a run reports the difference). */
  usage(): AdapterUsage;
  /** A run starts: budgets kept per run (Salesforce's share of the daily allocation) start over. */
  beginRun?(): void;
  /**
   * Writes this adapter makes cheaper when they come together (Salesforce: one Bulk API 2.0 job from
   * `bulk.threshold` updates instead of a collections call per 200). On a read whose pages say it holds at
   * least `updates` records (`Page.total`), the pipeline gathers the updates of consecutive pages into one
   * write, until they reach `updates` or span `pages` pages, and checkpoints those pages after that write.
   */
  readonly writeGrouping?: WriteGrouping;
  /**
   * Every record with its known outcome, for training a predictive model (`leadscore train --connector`).
   * Unlike `read`, it includes records whose outcome is settled (Salesforce's converted Leads). Adapters
   * without it are trained from `read({ kind: 'full' })` and the lifecycle stage. What counts as converted:
   * - Salesforce: a Lead is converted when IsConverted (outcome `won`: and its ConvertedOpportunityId is
   *   IsWon; an open one is not known yet); a Contact when it has an OpportunityContactRole on an
   *   Opportunity with IsWon (only open ones: not known yet), whichever the outcome.
   */
  readHistory?(query: HistoryQuery): AsyncIterable<HistoryPage>;
}

export const HISTORY_OUTCOMES = ['converted', 'won'] as const;
/** `converted`: the lead became an opportunity (or customer); `won`: a deal it is on was won. */
export type HistoryOutcome = (typeof HISTORY_OUTCOMES)[number];

export interface HistoryQuery {
  /** Which outcome labels a record converted; the adapter's configured one (else `converted`) when absent. */
  outcome?: HistoryOutcome;
}

export interface HistoryRecord {
  lead: Lead;
  /** The outcome; undefined while it is not known yet (a deal still open): such records are not trained on. */
  converted?: boolean;
  /**
   * When the record entered the outcome (converted, the deal created): its features are measured as of then,
   * so that what sales did afterwards (meetings of the deal, the converted status) is not learnt as a cause.
   */
  outcomeAt?: Date;
}

export interface HistoryPage {
  records: HistoryRecord[];
}

export interface AdapterUsage {
  /** Requests sent, retries included. */
  apiCalls: number;
  /** Requests the CRM refused for its short-window rate limit (HubSpot 429 TEN_SECONDLY_ROLLING). */
  rateLimited: number;
  /** Requests sent per endpoint name, e.g. `POST /crm/v3/objects/contacts/batch/update`. */
  byEndpoint: Record<string, number>;
}

/** JSON the adapter wrote after a page; opaque to the core, validated by the adapter that reads it back. */
export type Cursor = Readonly<Record<string, string | number | boolean | null>>;

export type ReadQuery =
  /** Every record, resumable from a cursor of an interrupted full read. */
  | { kind: 'full'; cursor?: Cursor }
  /** Records changed since the cursor (or since `since` when there is none yet). */
  | {
      kind: 'incremental';
      cursor?: Cursor;
      since?: Date;
      /**
       * When the run started (our clock). Everything modified before it is read by this run, so the next
       * run may start there (less the clock-skew overlap) even if nothing newer was modified.
       */
      asOf?: Date;
    }
  | { kind: 'ids'; ids: string[] }
  | { kind: 'emails'; emails: string[] };

export interface Page {
  /** Leads with their activities and `current` (the score fields the CRM holds now). */
  leads: Lead[];
  /** Where to resume after this page. */
  cursor: Cursor;
  /** Records the query this page belongs to holds in all, when the CRM says (Salesforce's totalSize). */
  total?: number;
}

export interface WriteGrouping {
  /** Updates from which one write is worth gathering (and from which reads qualify). */
  updates: number;
  /** The most pages one gathered write may span: bounds what a crash makes the next run read again. */
  pages: number;
}

/** The values leadscore writes: exactly the score properties, nothing else. */
export interface ScoreValues {
  score: number;
  fit: number;
  engagement: number;
  grade: Grade;
  status: Status;
  reasons: string;
  model: string;
  scoredAt: Date;
  /** 0–100, when a predictive model is configured. */
  predictive?: number;
}

export interface ScoreUpdate {
  ref: LeadRef;
  values: ScoreValues;
}

export interface RecordFailure {
  ref: LeadRef;
  /** The CRM's own words, e.g. `Property values were not valid: ...`. */
  reason: string;
  /** The CRM's error category, e.g. VALIDATION_ERROR, INVALID_FIELD. */
  code?: string;
}

export interface WriteResult {
  written: LeadRef[];
  failed: RecordFailure[];
}

export interface ProvisionChange {
  /** e.g. `property leadscore_score`, `group leadscore`. */
  target: string;
  outcome: 'created' | 'updated' | 'unchanged';
  detail?: string;
}

export interface ProvisionReport {
  changes: ProvisionChange[];
}

export const HANDOFF_ACTIONS = [
  'lifecycle_stage',
  'lead_status',
  'owner_task',
  'workflow',
  'assignment',
  'flow',
  'webhook',
] as const;
export type HandoffAction = (typeof HANDOFF_ACTIONS)[number];

/** A lead that became an MQL. `key` = record + transition + model: the ledger's exactly-once key. */
export interface Transition {
  key: string;
  ref: LeadRef;
  kind: 'became_mql';
  model: string;
  score: number;
  grade: Grade;
  reasons: string;
  ownerId?: string;
  email?: string;
  at: Date;
}

export interface HandoffRequest {
  transition: Transition;
  /** The configured actions the ledger has not seen succeed yet for this transition. */
  actions: HandoffAction[];
  /**
   * Actions a previous attempt may have performed; verify before doing them again. These are actions of
   * `actions` that the ledger marked started without ever recording an outcome (the process died, or the
   * answer was lost). Repeating an idempotent action is harmless; for one that is not (a task, a workflow
   * enrollment) the adapter first checks whether the earlier attempt took effect, and when it cannot tell,
   * fails the action with a reason rather than risk doing it twice. Absent = nothing to verify.
   */
  unconfirmed?: HandoffAction[];
}

export interface HandoffActionOutcome {
  action: HandoffAction;
  ok: boolean;
  /** What was done or why it failed (no secrets). */
  detail: string;
  /**
   * A failure after which the action may still have taken effect (the answer was lost and the adapter
   * could not check). The ledger leaves it unconfirmed, so the next attempt verifies before repeating it.
   */
  uncertain?: boolean;
}

export interface HandoffResult {
  key: string;
  outcomes: HandoffActionOutcome[];
}
