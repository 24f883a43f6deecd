import type { Activity, ActivityType } from '../model/activity.js';
import { PROFILE_FIELDS } from '../model/lead.js';
import type { Lead, ProfileField } from '../model/lead.js';
import { BUILTIN_LISTS } from '../scoring/compile-model.js';
import { emailDomainOf } from '../scoring/lead-fields.js';
import { columnKey } from './data-table.js';
import type { ColumnRole, DataTable } from './data-table.js';
import { minLevelCount } from './fit-features.js';
import type { LeadRecord } from './lead-records.js';
import { activityCountColumn, RECENCY_COLUMN, leadRow } from './lead-rows.js';
import { activityLabel, assetLabel, pageLabel } from './suggest-labels.js';

/** A condition as written in a model file (parsed by the model schema). */
export type RawCondition = Record<string, unknown>;

/** What a column of the suggest table measures, so that a feature of it can become a rule. */
export type ColumnSource =
  | { kind: 'field'; field: string; custom: boolean }
  | { kind: 'free-mail' }
  | { kind: 'list-item'; field: string; item: string }
  | { kind: 'activity'; type: ActivityType; where?: RawCondition; label: string }
  | { kind: 'recency' };

export interface SuggestTable {
  table: DataTable;
  sources: Map<string, ColumnSource>;
  /** Columns left out unless asked for: set by the sales process, they describe the outcome. */
  processColumns: string[];
}

/** Not features: personal, near-unique or dates (a rule on a date ages with the model). */
const LEFT_OUT: ReadonlySet<ProfileField> = new Set([
  'email',
  'firstName',
  'lastName',
  'createdAt',
  'updatedAt',
  'techStack',
]);
/** Set by sales or the CRM as a lead moves through the funnel: they follow the outcome rather than foretell it. */
const PROCESS_FIELDS: ReadonlySet<string> = new Set(['leadStatus', 'lifecycleStage', 'ownerId']);
/** At most this many page sections, asset types and list items become columns of their own. */
const MAX_FACETS = 8;
export const FREE_MAIL_COLUMN = 'free-mail address';

const FREE_MAIL: ReadonlySet<string> = new Set(BUILTIN_LISTS.free_mail);

/** A page section as `matches` reads it: `/pricing` anywhere in the URL, then `/`, `?`, `#` or the end. */
export function pagePattern(segment: string): string {
  return `/${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(/|\\?|#|$)`;
}

/** The first path segment of a page URL (absolute or relative), lower-cased; undefined for the home page. */
export function firstSegment(url: string): string | undefined {
  const path = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*(.*)$/i.exec(url.trim())?.[1] ?? url.trim();
  const segment = /^\/([a-z0-9][a-z0-9._-]*)(?:[/?#]|$)/i.exec(path)?.[1];
  return segment?.toLowerCase();
}

/**
 * The leads as a table whose every column a rule can test: profile fields (text kept in its most common
 * spelling per lower-cased value, as conditions compare text), custom fields by their key (not the
 * outcome), a free-mail indicator, one column per common tech-stack entry, activity counts per type and per
 * common page section (`page_view /pricing.count`) and content asset type, and days since the last activity.
 * Activities after `asOf` are not counted.
 */
export function suggestTable(
  file: string,
  records: readonly LeadRecord[],
  label: string,
  asOf: Date | undefined,
): SuggestTable {
  const leads = records.map((record) => record.lead);
  const columns = new Columns(minLevelCount(leads.length));
  for (const field of PROFILE_FIELDS) {
    if (LEFT_OUT.has(field) || columnKey(field) === columnKey(label)) continue;
    columns.add(field, { kind: 'field', field, custom: false }, spelled(leads.map((lead) => lead[field])));
  }
  for (const key of customKeys(leads, label)) {
    // Named by their key, as `train` names them (so one --exclude list serves both), unless that is taken.
    const field = `custom.${key}`;
    const name = columns.sources.has(key) ? field : key;
    columns.add(
      name,
      { kind: 'field', field, custom: true },
      spelled(leads.map((lead) => lead.custom?.[key])),
    );
  }
  if (leads.some((lead) => lead.email)) {
    const free = leads.map((lead) => (FREE_MAIL.has(emailDomainOf(lead.email) ?? '') ? 'yes' : 'no'));
    columns.add(FREE_MAIL_COLUMN, { kind: 'free-mail' }, free);
  }
  const stacks = leads.map((lead) => (lead.techStack ?? []).map((entry) => entry.toLowerCase()));
  for (const item of columns.common(stacks)) {
    const has = stacks.map((stack) => (stack.includes(item) ? 'yes' : 'no'));
    columns.add(`techStack: ${item}`, { kind: 'list-item', field: 'techStack', item }, has);
  }
  if (asOf) addActivityColumns(columns, leads, asOf);
  const table: DataTable = {
    file,
    columns: columns.names,
    cells: columns.cells,
    lines: records.map((record) => record.line),
    roles: columns.roles,
    decimalComma: false,
  };
  const processColumns = columns.names.filter(
    (name, index) => PROCESS_FIELDS.has(name) && columns.cells[index]!.some(isText),
  );
  return { table, sources: columns.sources, processColumns };
}

/** The columns of the table as they are added. */
class Columns {
  readonly names: string[] = [];
  readonly cells: Array<Array<string | undefined>> = [];
  readonly sources = new Map<string, ColumnSource>();
  readonly roles = new Map<string, ColumnRole>();

  /** `minimum`: leads a value must be seen for to get a column of its own. */
  constructor(private readonly minimum: number) {}

  add(name: string, source: ColumnSource, values: Array<string | undefined>, role?: ColumnRole): void {
    this.names.push(name);
    this.cells.push(values);
    this.sources.set(name, source);
    if (role) this.roles.set(name, role);
  }

  /** Values (lower-cased) found for at least `minimum` leads, the most common first, at most MAX_FACETS. */
  common(perLead: ReadonlyArray<readonly string[]>): string[] {
    const leadsWith = new Map<string, number>();
    for (const values of perLead)
      for (const value of new Set(values.map((v) => v.toLowerCase())))
        leadsWith.set(value, (leadsWith.get(value) ?? 0) + 1);
    return [...leadsWith]
      .filter(([, count]) => count >= this.minimum)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_FACETS)
      .map(([value]) => value);
  }
}

/** Counts per activity type, per common page section and content asset type, and days since the last one. */
function addActivityColumns(columns: Columns, leads: readonly Lead[], asOf: Date): void {
  const current = leads.map((lead) => lead.activities.filter((a) => a.at.getTime() <= asOf.getTime()));
  const types = [...new Set(current.flat().map((a) => a.type))].sort();
  const rows = leads.map((lead) => leadRow(lead, asOf, types));
  for (const type of types) {
    const name = activityCountColumn(type);
    const source: ColumnSource = { kind: 'activity', type, label: activityLabel(type) };
    columns.add(
      name,
      source,
      rows.map((row) => row[name]),
      'activity_count',
    );
  }
  const facets = (type: ActivityType, valueOf: (a: Activity) => string | undefined) =>
    columns.common(
      current.map((list) =>
        list
          .filter((a) => a.type === type)
          .map(valueOf)
          .filter(isText),
      ),
    );
  const countOf = (type: ActivityType, test: (a: Activity) => boolean) =>
    current.map((list) => String(list.filter((a) => a.type === type && test(a)).length));
  for (const segment of facets('page_view', (a) =>
    typeof a.url === 'string' ? firstSegment(a.url) : undefined,
  )) {
    const where = { field: 'url', matches: pagePattern(segment) };
    const source: ColumnSource = { kind: 'activity', type: 'page_view', where, label: pageLabel(segment) };
    columns.add(
      `page_view /${segment}.count`,
      source,
      countOf('page_view', urlTest(segment)),
      'activity_count',
    );
  }
  for (const asset of facets('content_download', (a) => textOf(a.assetType))) {
    const where = { field: 'assetType', equals: asset };
    const source: ColumnSource = {
      kind: 'activity',
      type: 'content_download',
      where,
      label: assetLabel(asset),
    };
    const counts = countOf('content_download', (a) => textOf(a.assetType) === asset);
    columns.add(`content_download ${asset}.count`, source, counts, 'activity_count');
  }
  if (types.length)
    columns.add(
      RECENCY_COLUMN,
      { kind: 'recency' },
      rows.map((row) => row[RECENCY_COLUMN]),
      'recency',
    );
}

function isText(value: string | undefined): value is string {
  return value !== undefined;
}

function textOf(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
  const text = String(value).trim().toLowerCase();
  return text === '' ? undefined : text;
}

function urlTest(segment: string): (activity: Activity) => boolean {
  const pattern = new RegExp(pagePattern(segment), 'i');
  return (activity) => typeof activity.url === 'string' && pattern.test(activity.url.trim());
}

/** Custom keys of any lead but the outcome, in order of first appearance. */
function customKeys(leads: readonly Lead[], label: string): string[] {
  const keys = new Set<string>();
  for (const lead of leads)
    for (const key of Object.keys(lead.custom ?? {})) if (columnKey(key) !== columnKey(label)) keys.add(key);
  return [...keys];
}

/**
 * Values as cells. Text is trimmed and spelled as most leads spell it ("Software" and "software" are one
 * value, as conditions compare text without case); numbers and booleans as JavaScript writes them.
 */
function spelled(values: readonly unknown[]): Array<string | undefined> {
  const raw = values.map((value) => {
    if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
    if (typeof value === 'boolean') return String(value);
    if (typeof value !== 'string') return undefined;
    return value.trim() || undefined;
  });
  const spellings = new Map<string, Map<string, number>>();
  for (const text of raw) {
    if (text === undefined) continue;
    const key = text.toLowerCase();
    const counts = spellings.get(key) ?? new Map<string, number>();
    counts.set(text, (counts.get(text) ?? 0) + 1);
    spellings.set(key, counts);
  }
  const preferred = new Map(
    [...spellings].map(([key, counts]) => [
      key,
      [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0],
    ]),
  );
  return raw.map((text) => (text === undefined ? undefined : preferred.get(text.toLowerCase())));
}
