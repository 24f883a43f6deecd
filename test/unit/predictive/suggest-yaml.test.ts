import { describe, expect, it } from '@jest/globals';
import { modelHash } from '../../../src/scoring/compile-model.js';
import { loadModelFromText } from '../../../src/scoring/load-model.js';
import { scoringModelSchema } from '../../../src/scoring/model-schema.js';
import { draftObject, renderModel } from '../../../src/predictive/suggest-yaml.js';
import type { Draft } from '../../../src/predictive/suggest-yaml.js';

const DRAFT: Draft = {
  header: ['Suggested from leads.jsonl.', 'Review before use.'],
  id: 'suggested',
  name: 'Suggested from leads.jsonl',
  description: 'Rules: from 1,000 leads; review',
  grades: { A: 30, B: 15, C: 5 },
  gradesComment: 'Grades from fit alone.',
  rules: [
    {
      section: 'fit',
      rule: {
        id: 'a',
        label: 'Industry: Software',
        points: 20,
        when: { field: 'industry', in: ['Software', 'yes', '123', 'a, b'] },
      },
      comment: '30.0 % of leads',
    },
    {
      section: 'fit',
      rule: { id: 'b', label: 'Plan', points: 5, when: { field: 'custom.Plan Tier', equals: 'Pro #1' } },
    },
    {
      section: 'engagement',
      rule: {
        id: 'c',
        label: 'Pricing page visit',
        points: 10,
        activity: 'page_view',
        where: { field: 'url', matches: '/pricing(/|\\?|#|$)' },
        cap: 30,
      },
    },
    {
      section: 'negative',
      rule: {
        id: 'd',
        label: 'It\'s "free"',
        points: -15,
        when: { field: 'emailDomain', in: { list: 'free_mail' } },
      },
    },
    {
      section: 'negative',
      rule: { id: 'e', label: 'No activity for 30 days', points: -5, inactiveDays: 30 },
    },
  ],
  threshold: 35,
  thresholdComment: ['Chosen to maximise F1.'],
};

describe('renderModel', () => {
  it('writes YAML that loads back as exactly the model meant, whatever the text holds', () => {
    const loaded = loadModelFromText(renderModel(DRAFT), 'suggested.yaml');
    expect(modelHash(loaded.model)).toBe(modelHash(scoringModelSchema.parse(draftObject(DRAFT))));
  });

  it('writes conditions in flow style and the comments where an admin reads them', () => {
    const text = renderModel(DRAFT);
    expect(text.startsWith('# Suggested from leads.jsonl.\n# Review before use.\nid: suggested\n')).toBe(
      true,
    );
    expect(text).toContain(
      '  # 30.0 % of leads\n  - id: a\n    label: "Industry: Software"\n    points: 20\n',
    );
    expect(text).toContain('    where: { field: url, matches: "/pricing(/|\\\\?|#|$)" }\n');
    expect(text).toContain('mql:\n  # Chosen to maximise F1.\n  threshold: 35\n');
  });
});
