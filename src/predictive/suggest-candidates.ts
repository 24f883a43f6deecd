import type { ActivityType } from '../model/activity.js';
import { PROFILE_FIELD_KINDS } from '../model/lead.js';
import { findColumn, rowCount } from './data-table.js';
import type { DataTable } from './data-table.js';
import { MISSING_LEVEL, OTHER_LEVEL } from './feature.js';
import type { Feature } from './feature.js';
import { minLevelCount } from './fit-features.js';
import { parseNumberCell } from './parse-cell.js';
import { bestCut, bestInactivity, countCap } from './suggest-cuts.js';
import { atLeastLabel, humanize } from './suggest-labels.js';
import type { ColumnSource, RawCondition } from './suggest-table.js';
import { topFactors } from './top-factors.js';
import type { Factor } from './top-factors.js';

/** A rule the regression found a signal for, before it has points. */
export interface Candidate {
  label: string;
  /** The table column it comes from (as named in --exclude and in warnings). */
  column: string;
  kind: 'when' | 'activity' | 'inactivity';
  when?: RawCondition;
  activity?: ActivityType;
  where?: RawCondition;
  /** Activity rules: occurrences counted (1 = once). */
  maxCount: number;
  inactiveDays?: number;
  /** A value of a text field: equal points for several values of one field merge into one `in` rule. */
  level?: { field: string; value: string; fieldLabel: string };
  /** The regression's log-odds per standard deviation of the feature, signed. */
  impact: number;
}

/** More candidates than rules are kept: the refit on the rules decides which matter. */
const MAX_CANDIDATES = 30;
/** Features that move the log-odds less than this per standard deviation are not worth a rule. */
const MIN_IMPACT = 0.02;

interface Context {
  table: DataTable;
  outcomes: Uint8Array;
  minimum: number;
}

/**
 * Candidate rules from the fitted features, the strongest first: each kept level of a field becomes a
 * condition on it (one level per field without an (other) group is the reference and left out: the others
 * are measured against it), a number a `gte` cut, an activity count a rule per occurrence up to a cap, days
 * since the last activity an inactivity rule. (other) levels say nothing a rule could test and are left out.
 */
export function candidateRules(
  model: { features: readonly Feature[]; coefficients: ArrayLike<number> },
  sources: ReadonlyMap<string, ColumnSource>,
  table: DataTable,
  outcomes: Uint8Array,
): Candidate[] {
  const context: Context = { table, outcomes, minimum: minLevelCount(rowCount(table)) };
  const factors = topFactors(model, model.features.length);
  const references = referenceLevels(factors);
  const candidates: Candidate[] = [];
  const seen = new Set<string>();
  for (const factor of factors) {
    if (candidates.length >= MAX_CANDIDATES || Math.abs(factor.impact) < MIN_IMPACT) break;
    if (references.has(factor.feature)) continue;
    const source = sources.get(factor.column);
    const candidate = source && candidateOf(factor, source, context);
    if (!candidate) continue;
    const key = JSON.stringify([candidate.when, candidate.activity, candidate.where, candidate.inactiveDays]);
    if (seen.has(key)) continue;
    seen.add(key);
    candidates.push(candidate);
  }
  return candidates;
}

/** Per column whose levels cover every lead (no (other) group): the level the others are measured against. */
function referenceLevels(factors: readonly Factor[]): Set<string> {
  const byColumn = new Map<string, Factor[]>();
  for (const factor of factors)
    if (factor.kind === 'level')
      byColumn.set(factor.column, [...(byColumn.get(factor.column) ?? []), factor]);
  const references = new Set<string>();
  for (const levels of byColumn.values()) {
    if (levels.some((factor) => factor.level === OTHER_LEVEL)) continue;
    const negative = levels.find((factor) => /^(false|no)$/i.test(factor.level ?? ''));
    const binary = levels.length === 2 && negative !== undefined;
    const weakest = levels.reduce((a, b) => (Math.abs(b.impact) < Math.abs(a.impact) ? b : a));
    references.add((binary ? negative : weakest).feature);
  }
  return references;
}

function candidateOf(factor: Factor, source: ColumnSource, context: Context): Candidate | undefined {
  const base = { column: factor.column, impact: factor.impact, maxCount: 1 };
  const level = factor.level;
  if (level === OTHER_LEVEL) return undefined;
  switch (source.kind) {
    case 'field':
      return fieldCandidate(factor, source, context);
    case 'free-mail': {
      const freeMail = { field: 'emailDomain', in: { list: 'free_mail' } };
      return level === 'yes'
        ? { ...base, kind: 'when', label: 'Free-mail address', when: freeMail }
        : { ...base, kind: 'when', label: 'Business email address', when: { not: freeMail } };
    }
    case 'list-item': {
      const has = { field: source.field, in: [source.item] };
      const name = humanize(source.field);
      return level === 'yes'
        ? { ...base, kind: 'when', label: `${name}: ${source.item}`, when: has }
        : { ...base, kind: 'when', label: `${name} without ${source.item}`, when: { not: has } };
    }
    case 'activity': {
      if (factor.kind !== 'activity_count') return undefined;
      const maxCount = countCap(numbers(context.table, factor.column));
      const where = source.where ? { where: source.where } : {};
      return { ...base, kind: 'activity', label: source.label, activity: source.type, ...where, maxCount };
    }
    case 'recency': {
      if (factor.kind !== 'recency') return undefined;
      const days = bestInactivity(numbers(context.table, factor.column), context.outcomes, context.minimum);
      if (days === undefined) return undefined;
      return { ...base, kind: 'inactivity', label: `No activity for ${days} days`, inactiveDays: days };
    }
  }
}

function fieldCandidate(
  factor: Factor,
  source: Extract<ColumnSource, { kind: 'field' }>,
  context: Context,
): Candidate | undefined {
  const { field } = source;
  const fieldLabel = humanize(field);
  const base = { column: factor.column, impact: factor.impact, maxCount: 1, kind: 'when' as const };
  const kind = source.custom ? 'unknown' : PROFILE_FIELD_KINDS[field as keyof typeof PROFILE_FIELD_KINDS];
  if (factor.kind === 'missing' || factor.level === MISSING_LEVEL)
    return { ...base, label: `${fieldLabel} unknown`, when: { field, missing: true } };
  if (factor.kind === 'numeric') {
    // Text that happens to look like numbers (an owner id) is not compared as numbers by conditions.
    if (kind === 'string' || kind === 'boolean') return undefined;
    const cut = bestCut(numbers(context.table, factor.column), context.outcomes, context.minimum);
    if (cut === undefined) return undefined;
    return { ...base, label: atLeastLabel(fieldLabel, cut), when: { field, gte: cut } };
  }
  const value = factor.level;
  if (factor.kind !== 'level' || value === undefined) return undefined;
  if (kind === 'boolean') {
    const yes = value === 'true';
    return { ...base, label: yes ? fieldLabel : `${fieldLabel}: no`, when: { field, equals: yes } };
  }
  // Custom values may be numbers or booleans in one file and text in another: `in` compares them as text.
  const when = source.custom ? { field, in: [value] } : { field, equals: value };
  return { ...base, label: `${fieldLabel}: ${value}`, when, level: { field, value, fieldLabel } };
}

function numbers(table: DataTable, column: string): Float64Array {
  const cells = table.cells[findColumn(table.columns, column)] ?? [];
  return Float64Array.from(cells, (cell) => parseNumberCell(cell, table.decimalComma));
}
