/**
 * The fewest Salesforce API calls a sync run could make, endpoint by endpoint, next to the calls it made.
 * Query pages and activity chunks follow from the records read and the chunk rule (soql-url-chunks.ts);
 * writes and handoff calls from what each committed page wrote and handed off.
 */
import { relationField } from '../../connectors/salesforce/read-activities.js';
import type { ActivityReadStats } from '../../connectors/salesforce/read-activities.js';
import { HANDOFF_READ_SIZE } from '../../connectors/salesforce/handoff-records.js';
import type { SalesforceObject } from '../../connectors/salesforce/salesforce-objects.js';
import { COLLECTION_SIZE } from '../../connectors/salesforce/salesforce-write.js';
import { QUERY_URL_BUDGET } from '../../connectors/salesforce/soql-url-chunks.js';
import { selectStatement, SOQL_MAX_LENGTH } from '../../connectors/salesforce/soql.js';
import { engagementProperties } from '../../src/mapping/load-mapping.js';
import type { Mapping } from '../../src/mapping/mapping-schema.js';
import { fmt } from './bench-format.js';

export const QUERY = 'GET /query';
export const QUERY_MORE = 'GET /query/{locator}';
const UPDATE = 'PATCH /composite/sobjects';
const CREATE = 'POST /composite/sobjects';
const FLOW = 'POST /actions/custom/flow/{flowApiName}';
/** One Bulk API 2.0 update job: create, upload, UploadComplete, at least one job-info poll, both results. */
const BULK_JOB_CALLS: readonly [string, string][] = [
  ['POST /jobs/ingest', 'bulk job create'],
  ['PUT /jobs/ingest/{jobId}/batches', 'bulk job upload'],
  ['PATCH /jobs/ingest/{jobId}', 'bulk job UploadComplete'],
  ['GET /jobs/ingest/{jobId}', 'bulk job polls'],
  ['GET /jobs/ingest/{jobId}/successfulResults', 'bulk job results'],
  ['GET /jobs/ingest/{jobId}/failedResults', 'bulk job results'],
];
const DESCRIBE = /^GET \/sobjects\/\w+\/describe$/;

/**
 * What one commit added to the run's counts (from onProgress): one page, or — when the pipeline gathers a
 * large read's writes into Bulk API jobs — the `written` of several pages, counted at the last of them.
 */
export interface PageCounts {
  read: number;
  written: number;
  handedOff: number;
}

/** How many 18-character ids fit one activity query of `type` (`… WHERE <relation> IN (…)`). */
export interface ChunkRule {
  type: string;
  idsPerChunk: number;
}

/** As soql-url-chunks.ts measures a statement: URL-encoded, with `'` escaped too. */
const encoded = (text: string) => encodeURIComponent(text).replace(/'/g, '%27').length;
/** `'00Q…'` (18 characters between quotes) and the `,` between two ids, once encoded. */
const ID_BYTES = encoded(`'${'0'.repeat(18)}'`);
const COMMA_BYTES = encoded(',');

/**
 * The chunk rule for each activity object of the mapping: a statement of k ids costs
 * fixed + k × 24 + (k − 1) × 3 encoded bytes, at most min(QUERY_URL_BUDGET, SOQL_MAX_LENGTH).
 */
export function chunkRules(mapping: Mapping, object: SalesforceObject): ChunkRule[] {
  const limit = Math.min(QUERY_URL_BUDGET, SOQL_MAX_LENGTH);
  return Object.keys(mapping.engagements).map((type) => {
    const relation = relationField(type, object)!;
    const fields = ['Id', relation, ...engagementProperties(mapping, type)];
    const fixed = encoded(`${selectStatement({ fields, object: type })} WHERE ${relation} IN ()`);
    return { type, idsPerChunk: Math.floor((limit - fixed + COMMA_BYTES) / (ID_BYTES + COMMA_BYTES)) };
  });
}

export interface MinimumInput {
  read: number;
  /** Records per query batch (2,000). */
  batchSize: number;
  pages: readonly PageCounts[];
  byEndpoint: Readonly<Record<string, number>>;
  /** This run's activity queries, as the adapter counted them. */
  activity: ActivityReadStats;
  rules: readonly ChunkRule[];
  flow: boolean;
  /** Writes of at least this many updates go as one Bulk API 2.0 job (the adapter's bulk threshold). */
  bulkThreshold: number;
}

export interface CallLine {
  endpoint: string;
  what: string;
  actual: number;
  minimum: number;
  why: string;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const perPage = (pages: readonly PageCounts[], count: (p: PageCounts) => number, size: number) =>
  sum(pages.map((p) => Math.ceil(count(p) / size)));

/**
 * Every endpoint's calls against its minimum. `GET /query` serves the Lead query, the activity queries and
 * the handoff's record reads alike: the activity calls are the adapter's own count, the Lead query is one,
 * and the handoff reads are what is left (and likewise for queryMore).
 */
export function callLines(input: MinimumInput): {
  lines: CallLine[];
  minimum: number;
  actual: number;
  /** The issue's reading: handoff batches over the whole run, not per page, and no handoff record reads. */
  runLevelMinimum: number;
  /** The issue's formula: ⌈read/batch⌉ query pages + ⌈written/200⌉ collections writes + activity queries. */
  issueFormula: number;
} {
  const { read, batchSize, pages, byEndpoint, activity, rules } = input;
  const calls = (endpoint: string) => byEndpoint[endpoint] ?? 0;
  const leadPages = Math.max(1, Math.ceil(read / batchSize));
  // Page sizes as the read cuts them: full batches, then the rest.
  const sizes = [...Array<number>(Math.floor(read / batchSize)).fill(batchSize), read % batchSize].filter(
    (n) => n > 0,
  );
  const activityMinimum = sum(rules.map((r) => sum(sizes.map((n) => Math.ceil(n / r.idsPerChunk)))));
  const recordReads = perPage(pages, (p) => p.handedOff, HANDOFF_READ_SIZE);
  const handoffBatches = perPage(pages, (p) => p.handedOff, COLLECTION_SIZE);
  const bulk = (p: PageCounts) => p.written >= input.bulkThreshold;
  // A job's writes are counted when it ends, which may be at the same page as the job before it: a group
  // holds fewer than threshold + one page of updates, so ⌊written / threshold⌋ jobs ended there.
  const bulkJobs = sum(pages.filter(bulk).map((p) => Math.floor(p.written / input.bulkThreshold)));
  const bulkWritten = sum(pages.filter(bulk).map((p) => p.written));
  const scoreWrites = perPage(
    pages.filter((p) => !bulk(p)),
    (p) => p.written,
    COLLECTION_SIZE,
  );
  // A lead status is written only when it differs and is not preserved, which the sandbox knows and we do
  // not: PATCH calls beyond the score writes, up to one per 200 MQLs of a page, are counted as needed.
  const statusWrites = Math.min(handoffBatches, Math.max(0, calls(UPDATE) - scoreWrites));
  const written = sum(pages.map((p) => p.written));
  const handedOff = sum(pages.map((p) => p.handedOff));
  const leadQueries = Math.min(1, calls(QUERY));
  const lines: CallLine[] = [
    { endpoint: QUERY, what: 'Lead query', actual: leadQueries, minimum: 1, why: '1 per run' },
    {
      endpoint: QUERY_MORE,
      what: 'Lead queryMore',
      actual: calls(QUERY_MORE) - activity.queryMores,
      minimum: leadPages - 1,
      why: `⌈read/${fmt(batchSize)}⌉ − 1 = ${fmt(leadPages)} pages − 1`,
    },
    {
      endpoint: QUERY,
      what: `activity IN queries`,
      actual: activity.queries,
      minimum: activityMinimum,
      why:
        `Σ pages (${sizes.length}) × ${rules.map((r) => `${r.type} ⌈n/${r.idsPerChunk}⌉`).join(' + ')}` +
        (sizes[0] === batchSize
          ? ` = ${rules.map((r) => Math.ceil(batchSize / r.idsPerChunk)).join('+')} per full page`
          : ''),
    },
    {
      endpoint: QUERY_MORE,
      what: 'activity queryMore',
      actual: activity.queryMores,
      minimum: activity.queryMores,
      why: `set by the data: each further ${fmt(batchSize)} rows of one chunk's answer (${fmt(activity.records)} rows read)`,
    },
    {
      endpoint: QUERY,
      what: 'handoff record reads',
      actual: calls(QUERY) - leadQueries - activity.queries,
      minimum: recordReads,
      why: `Σ pages ⌈MQLs/${HANDOFF_READ_SIZE}⌉ (${fmt(handedOff)} MQLs on ${pages.filter((p) => p.handedOff > 0).length} pages)`,
    },
    {
      endpoint: UPDATE,
      what: 'score + lead status writes',
      actual: calls(UPDATE),
      minimum: scoreWrites + statusWrites,
      why:
        `Σ pages ⌈written/${COLLECTION_SIZE}⌉ = ${fmt(scoreWrites)} (run: ⌈${fmt(written)}/${COLLECTION_SIZE}⌉ = ` +
        `${fmt(Math.ceil(written / COLLECTION_SIZE))}) + ${fmt(statusWrites)} status writes (≤ ${fmt(handoffBatches)})`,
    },
    ...BULK_JOB_CALLS.map(([endpoint, what]) => ({
      endpoint,
      what,
      actual: calls(endpoint),
      minimum: bulkJobs,
      why:
        `1 per job: ${fmt(bulkJobs)} jobs of ≥ ${fmt(input.bulkThreshold)} updates (${fmt(bulkWritten)} written; ` +
        `as collections ⌈n/${COLLECTION_SIZE}⌉ = ${fmt(perPage(pages.filter(bulk), (p) => p.written, COLLECTION_SIZE))} calls)`,
    })),
    {
      endpoint: CREATE,
      what: 'owner tasks',
      actual: calls(CREATE),
      minimum: handoffBatches,
      why: `Σ pages ⌈MQLs/${COLLECTION_SIZE}⌉ (run: ⌈${fmt(handedOff)}/${COLLECTION_SIZE}⌉ = ${fmt(Math.ceil(handedOff / COLLECTION_SIZE))})`,
    },
    {
      endpoint: FLOW,
      what: 'flow invocations',
      actual: calls(FLOW),
      minimum: input.flow ? handedOff : 0,
      why: input.flow ? '1 per MQL' : 'flow off',
    },
  ];
  const known = new Set([QUERY, QUERY_MORE, UPDATE, CREATE, FLOW, ...BULK_JOB_CALLS.map(([e]) => e)]);
  for (const [endpoint, actual] of Object.entries(byEndpoint).sort(([a], [b]) => a.localeCompare(b))) {
    if (known.has(endpoint)) continue;
    const describe = DESCRIBE.test(endpoint);
    lines.push({
      endpoint,
      what: describe ? 'check' : 'other',
      actual,
      minimum: describe ? 1 : 0,
      why: describe ? 'pre-flight check: 1 describe per object' : 'not expected',
    });
  }
  const shown = lines.filter((l) => l.actual > 0 || l.minimum > 0);
  const minimum = sum(shown.map((l) => l.minimum));
  const runBatches = Math.ceil(handedOff / COLLECTION_SIZE);
  const collectionsWritten = written - bulkWritten;
  const perPageOnly =
    recordReads +
    (scoreWrites - Math.ceil(collectionsWritten / COLLECTION_SIZE)) +
    (statusWrites - Math.min(statusWrites, runBatches)) +
    (handoffBatches - runBatches);
  return {
    lines: shown,
    minimum,
    actual: sum(shown.map((l) => l.actual)),
    runLevelMinimum: minimum - perPageOnly,
    issueFormula: leadPages + Math.ceil(written / COLLECTION_SIZE) + activityMinimum,
  };
}
