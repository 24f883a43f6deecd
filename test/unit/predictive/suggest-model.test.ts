import { beforeAll, describe, expect, it } from '@jest/globals';
import { readLeadHistory } from '../../../src/predictive/backtest-history.js';
import type { LeadHistory } from '../../../src/predictive/backtest-history.js';
import { suggestModel } from '../../../src/predictive/suggest-model.js';
import type { Suggestion } from '../../../src/predictive/suggest-model.js';
import { atThreshold } from '../../../src/predictive/score-metrics.js';
import { lintModel } from '../../../src/scoring/lint-model.js';
import { scoreLead } from '../../../src/scoring/score-lead.js';
import { tempFile } from '../cli/run-captured.js';
import { syntheticLeadFile } from './suggest-synthetic-leads.js';

const TARGET_MQLS = 240;

/** 1,200 leads whose outcome follows industry Software (+), pricing page visits (+) and free mail (−). */
async function history(): Promise<LeadHistory> {
  const file = tempFile('history.jsonl', syntheticLeadFile(1200, 11));
  return readLeadHistory({ file, format: 'jsonl', label: 'converted', onProblem: () => {} });
}

function ruleWhere(suggestion: Suggestion, test: (rule: Record<string, unknown>) => boolean) {
  const { fit, engagement, negative } = suggestion.loaded.model;
  return [...fit, ...engagement, ...negative].find((rule) => test(rule as Record<string, unknown>));
}

describe('suggestModel on leads from a known model', () => {
  let leads: LeadHistory;
  let suggestion: Suggestion;
  beforeAll(async () => {
    leads = await history();
    suggestion = suggestModel(leads, { format: 'jsonl', target: { kind: 'mqls', count: TARGET_MQLS } });
  });

  it('gives industry Software points', () => {
    const rule = ruleWhere(suggestion, (r) => JSON.stringify(r.when ?? null).includes('Software'));
    expect(rule?.points).toBeGreaterThan(0);
  });

  it('gives pricing page visits points per visit', () => {
    const rule = ruleWhere(suggestion, (r) => JSON.stringify(r.where ?? null).includes('/pricing'));
    expect(rule).toMatchObject({ label: 'Pricing page visit', activity: 'page_view' });
    expect(rule?.points).toBeGreaterThan(0);
  });

  it('takes points away for a free-mail address', () => {
    const rule = ruleWhere(suggestion, (r) => JSON.stringify(r.when ?? null).includes('free_mail'));
    expect(rule?.points).toBeLessThan(0);
  });

  it('makes no rule of fields that do not matter', () => {
    expect(suggestion.yaml).not.toMatch(/field: (country|employees)/);
  });

  it('ranks leads nearly as well as the logistic regression it comes from', () => {
    expect(suggestion.auc).toBeGreaterThanOrEqual(0.9 * suggestion.regression.cvAuc);
  });

  it('sets the threshold whose MQL count comes closest to the target', () => {
    const scores = leads.records.map(
      ({ lead }) => scoreLead(suggestion.loaded.compiled, lead, suggestion.asOf!).score,
    );
    const counts = [...new Set(scores)].map(
      (threshold) => atThreshold(scores, leads.outcomes, threshold).mql,
    );
    const closest = Math.min(...counts.map((count) => Math.abs(count - TARGET_MQLS)));
    expect(Math.abs(suggestion.threshold.metrics.mql - TARGET_MQLS)).toBe(closest);
    expect(suggestion.loaded.model.mql.threshold).toBe(suggestion.threshold.threshold);
  });

  it('writes a model the linter has nothing to say about', () => {
    expect(lintModel(suggestion.loaded)).toEqual([]);
    expect(suggestion.warnings).toEqual([]);
  });

  it('says where the model comes from and that an admin should review it', () => {
    expect(suggestion.yaml).toMatch(/^# Suggested by `leadscore suggest` from 1,200 leads of history\.jsonl/);
    expect(suggestion.yaml).toMatch(/ROC AUC \d\.\d{3} ± \d\.\d{3} \(5-fold cross-validated\)/);
    expect(suggestion.yaml).toContain('Review before use: an admin should check');
  });

  it('suggests the same YAML for the same leads', () => {
    expect(suggestModel(leads, { format: 'jsonl', target: { kind: 'mqls', count: TARGET_MQLS } }).yaml).toBe(
      suggestion.yaml,
    );
  });
});

describe('suggestModel', () => {
  it('refuses a target of more MQLs than there are leads', async () => {
    const leads = await history();
    expect(() => suggestModel(leads, { format: 'jsonl', target: { kind: 'mqls', count: 5000 } })).toThrow(
      expect.objectContaining({ code: 'SUGGEST_BAD_TARGET', exitCode: 2 }),
    );
  });

  it('refuses leads in which nothing moves conversion', async () => {
    const lines = Array.from({ length: 200 }, (_, i) =>
      JSON.stringify({ id: `N-${i}`, industry: ['A', 'B'][i % 2], converted: Math.floor(i / 2) % 2 }),
    );
    const file = tempFile('flat.jsonl', lines.join('\n') + '\n');
    const flat = await readLeadHistory({ file, format: 'jsonl', label: 'converted', onProblem: () => {} });
    expect(() => suggestModel(flat, { format: 'jsonl' })).toThrow(
      expect.objectContaining({ code: 'SUGGEST_NO_RULES', exitCode: 2 }),
    );
  });
});
