import { describe, expect, it } from '@jest/globals';
import { fitLabel, humanize, pageLabel, slug, uniqueIds } from '../../../src/predictive/suggest-labels.js';

describe('suggest labels', () => {
  it('turns field and activity names into words', () => {
    expect([humanize('jobTitle'), humanize('custom.plan_tier'), humanize('webinar_attended')]).toEqual([
      'Job title',
      'Plan tier',
      'Webinar attended',
    ]);
  });

  it('names a page section as a visit', () => {
    expect(pageLabel('case-studies')).toBe('Case studies page visit');
  });

  it('makes rule ids of lower-case words, cut at a word boundary', () => {
    expect(slug('Industry: Software & SaaS')).toBe('industry-software-saas');
    expect(slug('What matters most to you in choosing a course: Better Career Prospects')).toBe(
      'what-matters-most-to-you-in-choosing-a',
    );
  });

  it('numbers ids that would repeat', () => {
    expect(uniqueIds(['Page view', 'Page view', 'Page-view'])).toEqual([
      'page-view',
      'page-view-2',
      'page-view-3',
    ]);
  });

  it('cuts labels to the 80 characters a model allows', () => {
    expect(fitLabel('x'.repeat(100))).toHaveLength(80);
  });
});
