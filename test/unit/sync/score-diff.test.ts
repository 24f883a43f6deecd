import { describe, expect, it } from '@jest/globals';
import type { ScoreValues } from '../../../src/connector/crm-adapter.js';
import { needsWrite } from '../../../src/sync/score-diff.js';

const values: ScoreValues = {
  score: 72,
  fit: 45,
  engagement: 27,
  grade: 'A',
  status: 'mql',
  reasons: '+30 Demo request',
  model: 'default-b2b@1a2b3c4d',
  scoredAt: new Date('2026-11-21T09:00:00Z'),
};
const current = { ...values, scoredAt: new Date('2026-11-20T09:00:00Z') };

describe('needsWrite', () => {
  it('writes a record the CRM holds no score for', () => expect(needsWrite(undefined, values)).toBe(true));
  it('skips a record whose values are unchanged, whatever scoredAt says', () =>
    expect(needsWrite(current, values)).toBe(false));
  it.each(['score', 'fit', 'engagement'] as const)('writes when %s changes by one point', (field) =>
    expect(needsWrite({ ...current, [field]: values[field] - 1 }, values)).toBe(true),
  );
  it('writes when the grade changes', () =>
    expect(needsWrite({ ...current, grade: 'B' }, values)).toBe(true));
  it('writes when the status changes', () =>
    expect(needsWrite({ ...current, status: 'nurture' }, values)).toBe(true));
  it('writes when the reasons change', () =>
    expect(needsWrite({ ...current, reasons: '+30 Demo' }, values)).toBe(true));
  it('writes when the model changes', () =>
    expect(needsWrite({ ...current, model: 'default-b2b@ffffffff' }, values)).toBe(true));
  it('treats missing reasons as the empty text HubSpot clears them to', () =>
    expect(needsWrite({ ...current, reasons: undefined }, { ...values, reasons: '' })).toBe(false));
});
