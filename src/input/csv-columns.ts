import type { ActivityType } from '../model/activity.js';
import { activityTypeOf, unknownActivityTypeMessage } from './activity-type.js';
import { leadColumnFor } from './field-aliases.js';
import type { LeadColumn } from './field-aliases.js';
import type { RecordProblems } from './input-problem.js';

export interface ColumnRef {
  index: number;
  /** The header as written, named in problems. */
  header: string;
}

/** The `.count`, `.first` and `.last` columns of one activity type with one set of attributes. */
export interface ActivityColumns {
  type: ActivityType;
  attributes: Record<string, string>;
  count?: ColumnRef;
  first?: ColumnRef;
  last?: ColumnRef;
}

export interface CsvColumns {
  width: number;
  lead: Array<ColumnRef & { field: LeadColumn }>;
  activities: ActivityColumns[];
  custom: Array<ColumnRef & { key: string }>;
}

type Metric = 'count' | 'first' | 'last';
const ACTIVITY_HEADER = /^([A-Za-z][\w -]*?)\s*(?:\[([^\]]*)\])?\s*\.\s*(count|first|last)$/i;
const ATTRIBUTE_NAME = /^[A-Za-z_]\w*$/;
const RESERVED_ATTRIBUTES: ReadonlySet<string> = new Set(['type', 'at']);

/**
 * What each CSV column holds, from the header row. Lead fields are matched by name (see field-aliases.ts);
 * `<type>[name=value, …].count|first|last` are activity columns; everything else goes to `custom` under its
 * header. Problems with the header are reported once, on the header line.
 */
export function planColumns(headers: readonly string[], problems: RecordProblems): CsvColumns {
  const columns: CsvColumns = { width: headers.length, lead: [], activities: [], custom: [] };
  const leadHeaders = new Map<LeadColumn, string>();
  const groups = new Map<string, ActivityColumns>();
  const customKeys = new Set<string>();

  headers.forEach((rawHeader, index) => {
    const header = rawHeader.trim();
    if (header === '') return;
    const field = leadColumnFor(header);
    if (field) {
      const earlier = leadHeaders.get(field);
      if (earlier === undefined) {
        leadHeaders.set(field, header);
        columns.lead.push({ index, header, field });
        return;
      }
      problems.report(
        header,
        'duplicate_column',
        `names ${field} like column "${earlier}" before it; kept in custom`,
      );
    } else {
      const activity = ACTIVITY_HEADER.exec(header);
      if (activity) {
        const [, type, attributes, metric] = activity;
        const metricName = metric!.toLowerCase() as Metric;
        if (addActivityColumn({ index, header }, type!, attributes, metricName, groups, problems)) return;
      }
    }
    let key = header;
    if (customKeys.has(key)) {
      key = `${header} (column ${index + 1})`;
      problems.report(
        header,
        'duplicate_column',
        `an earlier column has the same header; kept as custom["${key}"]`,
      );
    }
    customKeys.add(key);
    columns.custom.push({ index, header, key });
  });
  columns.activities = [...groups.values()];
  return columns;
}

function addActivityColumn(
  column: ColumnRef,
  typeText: string,
  attributeText: string | undefined,
  metric: Metric,
  groups: Map<string, ActivityColumns>,
  problems: RecordProblems,
): boolean {
  const type = activityTypeOf(typeText);
  if (!type) {
    problems.report(
      column.header,
      'unknown_column',
      `${unknownActivityTypeMessage(typeText)}; kept as a custom column`,
    );
    return false;
  }
  const attributes = parseAttributes(attributeText);
  if (!attributes) {
    const expected = 'expected attributes like [url=/pricing] or [asset=guide, assetType=ebook]';
    problems.report(column.header, 'invalid_column', `${expected}; kept as a custom column`);
    return false;
  }
  const key = [
    type,
    ...Object.entries(attributes)
      .map(([name, value]) => `${name}=${value}`)
      .sort(),
  ].join('\n');
  let group = groups.get(key);
  if (!group) {
    group = { type, attributes };
    groups.set(key, group);
  }
  const earlier = group[metric];
  if (earlier) {
    problems.report(
      column.header,
      'duplicate_column',
      `repeats column "${earlier.header}"; kept as a custom column`,
    );
    return false;
  }
  group[metric] = column;
  return true;
}

/** `url=/pricing, assetType="whitepaper"` → {url: '/pricing', assetType: 'whitepaper'}; undefined if malformed. */
function parseAttributes(text: string | undefined): Record<string, string> | undefined {
  const attributes: Record<string, string> = {};
  if (text === undefined || text.trim() === '') return attributes;
  for (const pair of text.split(',')) {
    const equals = pair.indexOf('=');
    const name = pair.slice(0, equals).trim();
    if (equals < 0 || !ATTRIBUTE_NAME.test(name) || RESERVED_ATTRIBUTES.has(name)) return undefined;
    attributes[name] = pair
      .slice(equals + 1)
      .trim()
      .replace(/^(["'])(.*)\1$/, '$2');
  }
  return attributes;
}
