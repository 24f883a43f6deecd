import { beforeAll, describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import type { Activity } from '../../../src/model/activity.js';
import type { LeadProfile } from '../../../src/model/lead.js';
import type { CompiledModel } from '../../../src/scoring/compile-model.js';
import { loadModel } from '../../../src/scoring/load-model.js';
import { scoreLead } from '../../../src/scoring/score-lead.js';
import { accountedScore, activity, buildLead, NOW, pointsOf } from '../helpers/leads.js';

const example = (name: string) => fileURLToPath(new URL(`../../../config/examples/${name}`, import.meta.url));

// The arithmetic each example promises in its header comment, reproduced point for point.

describe('config/examples/points-table.yaml', () => {
  let model: CompiledModel;
  beforeAll(async () => {
    model = (await loadModel(example('points-table.yaml'))).compiled;
  });
  const score = (...activities: Activity[]) => scoreLead(model, buildLead({}, activities), NOW);

  const newsletter = (age = 1) => activity('newsletter_signup', age);
  const whitepaper = (age = 1) => activity('content_download', age, { assetType: 'whitepaper' });
  const pricing = (age = 1) => activity('page_view', age, { url: 'https://example.com/pricing' });
  const webinar = (age = 1) => activity('webinar_attended', age);
  const emailClick = (age = 1) => activity('email_click', age);

  describe('points per interaction', () => {
    it('gives +10 for a newsletter signup', () => {
      const result = score(newsletter());
      expect(pointsOf(result, 'newsletter-signup')).toBe(10);
      expect(result.score).toBe(10);
    });
    it('gives +20 for a whitepaper download', () => {
      const result = score(whitepaper());
      expect(pointsOf(result, 'whitepaper-download')).toBe(20);
      expect(result.score).toBe(20);
    });
    it('gives nothing for a download that is not a whitepaper', () => {
      expect(score(activity('content_download', 1, { assetType: 'ebook' })).score).toBe(0);
    });
    it('gives +30 for a pricing page visit', () => {
      const result = score(pricing());
      expect(pointsOf(result, 'pricing-page')).toBe(30);
      expect(result.score).toBe(30);
    });
    it('gives nothing for a visit to another page', () => {
      expect(score(activity('page_view', 1, { url: 'https://example.com/pricing-history-blog' })).score).toBe(
        0,
      );
    });
    it('gives +40 for an attended webinar', () => {
      const result = score(webinar());
      expect(pointsOf(result, 'webinar-attended')).toBe(40);
      expect(result.score).toBe(40);
    });
    it('gives +10 for an email click', () => {
      const result = score(emailClick());
      expect(pointsOf(result, 'email-click')).toBe(10);
      expect(result.score).toBe(10);
    });
    it('gives fixed points per interaction without decay, however old', () => {
      const result = score(pricing(1), pricing(365));
      expect(pointsOf(result, 'pricing-page')).toBe(60);
    });
    it('adds up every interaction', () => {
      expect(score(newsletter(), whitepaper(), pricing(), webinar(), emailClick()).score).toBe(110);
    });
  });

  describe('inactivity', () => {
    it('takes −20 from a lead without activity in the last 30 days', () => {
      const result = score(webinar(31));
      expect(pointsOf(result, 'inactive-30d')).toBe(-20);
      expect(result.score).toBe(40 - 20);
    });
    it('takes nothing from a lead whose last activity is exactly 30 days old', () => {
      expect(score(webinar(30)).score).toBe(40);
    });
    it('takes −20 from a lead that never did anything', () => {
      expect(score().score).toBe(-20);
    });
  });

  describe('the MQL threshold of 60', () => {
    it('keeps a lead at 50 points in nurture', () => {
      const result = score(whitepaper(), pricing());
      expect(result.score).toBe(50);
      expect(result.status).toBe('nurture');
    });
    it('makes the same lead an MQL at exactly 60 with one more email click', () => {
      const result = score(whitepaper(), pricing(), emailClick());
      expect(result.score).toBe(60);
      expect(result.status).toBe('mql');
    });
  });

  it('explains a typical lead in its reasons text', () => {
    const result = score(pricing(2), pricing(5), webinar(10), emailClick(1), newsletter(20));
    expect(result.score).toBe(120);
    expect(result.status).toBe('mql');
    expect(result.reasons).toBe(
      '+60 Pricing page visit ×2 · +40 Webinar attended · +10 Newsletter signup · +10 Email click',
    );
  });

  it('explains a lapsed lead, penalty last', () => {
    const result = score(newsletter(40), whitepaper(35), pricing(31));
    expect(result.score).toBe(40);
    expect(result.reasons).toBe(
      '+30 Pricing page visit · +20 Whitepaper download · +10 Newsletter signup · −20 No activity for 30 days',
    );
    expect(accountedScore(result)).toBe(result.score);
  });
});

describe('config/examples/role-industry-demo.yaml', () => {
  let model: CompiledModel;
  beforeAll(async () => {
    model = (await loadModel(example('role-industry-demo.yaml'))).compiled;
  });
  const decisionMakerInSoftware: LeadProfile = { seniority: 'VP', industry: 'Software' };
  const demo = activity('demo_request', 1);
  const pricing = activity('page_view', 1, { url: 'https://example.com/pricing' });

  it('gives +15 for a decision-maker role', () => {
    expect(pointsOf(scoreLead(model, buildLead({ seniority: 'director' }), NOW), 'decision-maker-role')).toBe(
      15,
    );
  });
  it('recognises a decision-maker from the job title alone', () => {
    const result = scoreLead(model, buildLead({ jobTitle: 'Head of Marketing' }), NOW);
    expect(pointsOf(result, 'decision-maker-role')).toBe(15);
  });
  it('gives +10 for a target industry', () => {
    expect(pointsOf(scoreLead(model, buildLead({ industry: 'SaaS' }), NOW), 'target-industry')).toBe(10);
  });
  it('gives +10 for a demo request, once however often the lead asks', () => {
    const result = scoreLead(model, buildLead({}, [demo, activity('demo_request', 3)]), NOW);
    expect(pointsOf(result, 'demo-request')).toBe(10);
  });
  it('gives +15 for a pricing page visit, once however often the lead visits', () => {
    const result = scoreLead(model, buildLead({}, [pricing, pricing]), NOW);
    expect(pointsOf(result, 'pricing-page')).toBe(15);
  });

  it('scores role + industry + demo at 35: nurture', () => {
    const result = scoreLead(model, buildLead(decisionMakerInSoftware, [demo]), NOW);
    expect(result.score).toBe(35);
    expect(result.status).toBe('nurture');
  });
  it('lifts the same lead to exactly 50, the threshold, with one pricing page visit: MQL', () => {
    const result = scoreLead(model, buildLead(decisionMakerInSoftware, [demo, pricing]), NOW);
    expect(result.score).toBe(50);
    expect(result.status).toBe('mql');
  });
  // Every rule is worth a multiple of 5, so 49 cannot be reached: the highest score below 50 is 40.
  it.each([
    ['the role', { industry: 'Software' }, [demo, pricing], 35],
    ['the industry', { seniority: 'VP' }, [demo, pricing], 40],
    ['the demo request', decisionMakerInSoftware, [pricing], 40],
    ['the pricing visit', decisionMakerInSoftware, [demo], 35],
  ] as const)(
    'keeps a lead without %s below the threshold: nurture',
    (_missing, profile, activities, expected) => {
      const result = scoreLead(model, buildLead(profile, [...activities]), NOW);
      expect(result.score).toBe(expected);
      expect(result.status).toBe('nurture');
    },
  );

  it('explains the MQL in its reasons text, ties in model order', () => {
    const result = scoreLead(model, buildLead(decisionMakerInSoftware, [demo, pricing]), NOW);
    expect(result.reasons).toBe(
      '+15 Decision-maker role · +15 Pricing page visit · +10 Target industry · +10 Demo request',
    );
  });
  it('explains the 35-point lead in its reasons text', () => {
    const result = scoreLead(model, buildLead(decisionMakerInSoftware, [demo]), NOW);
    expect(result.reasons).toBe('+15 Decision-maker role · +10 Target industry · +10 Demo request');
  });
});
