import type { Activity, ActivityType } from '../../../src/model/activity.js';
import type { Lead, LeadProfile } from '../../../src/model/lead.js';
import type { CompiledModel } from '../../../src/scoring/compile-model.js';
import { DAY_MS } from '../../../src/scoring/decay.js';
import { loadModelFromText } from '../../../src/scoring/load-model.js';
import type { Contribution, ScoreResult } from '../../../src/scoring/score-result.js';

/** The fixed "now" every scoring test uses unless it says otherwise. */
export const NOW = new Date('2026-06-15T12:00:00.000Z');

export function daysAgo(days: number, now: Date = NOW): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/** An activity `ageDays` before NOW (negative: in the future), with any attributes (url, assetType, ...). */
export function activity(
  type: ActivityType,
  ageDays: number,
  attributes: Record<string, unknown> = {},
): Activity {
  return { ...attributes, type, at: daysAgo(ageDays) };
}

export function buildLead(profile: LeadProfile = {}, activities: Activity[] = [], id = 'lead-1'): Lead {
  return { ref: { crm: 'file', object: 'lead', id }, ...profile, activities };
}

/**
 * Strips the indentation of the first line from every line, and the first and last empty lines,
 * so that inline YAML can be indented with the test code. Line 1 is the first line after the backtick.
 */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const text = strings.reduce(
    (out, part, i) => out + part + (i < values.length ? String(values[i]) : ''),
    '',
  );
  const lines = text
    .replace(/^\n/, '')
    .replace(/\n[ \t]*$/, '')
    .split('\n');
  const indent = /^ */.exec(lines[0] ?? '')?.[0].length ?? 0;
  return lines.map((line) => line.replace(new RegExp(`^ {0,${indent}}`), '')).join('\n') + '\n';
}

export function compile(text: string, file = 'inline.yaml'): CompiledModel {
  return loadModelFromText(text, file).compiled;
}

export function contributionOf(result: ScoreResult, rule: string): Contribution | undefined {
  return result.contributions.find((c) => c.rule === rule);
}

/** Points a rule contributed, 0 when it did not match at all. */
export function pointsOf(result: ScoreResult, rule: string): number {
  return contributionOf(result, rule)?.points ?? 0;
}

/** Contribution points plus adjustment points: must equal the score. */
export function accountedScore(result: ScoreResult): number {
  return (
    result.contributions.reduce((sum, c) => sum + c.points, 0) +
    result.adjustments.reduce((sum, a) => sum + a.points, 0)
  );
}
