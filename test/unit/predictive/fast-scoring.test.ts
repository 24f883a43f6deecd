import { describe, expect, it } from '@jest/globals';
import type { Lead } from '../../../src/model/lead.js';
import { predictLeads } from '../../../src/predictive/predict-leads.js';
import { predict, predictTable, tableDesign } from '../../../src/predictive/predict.js';
import { scoreDesign } from '../../../src/predictive/score-design.js';
import { referenceLeadPredictions, referenceProbabilities } from './reference-scoring.js';
import {
  AS_OF,
  cleanRows,
  fixtureLeads,
  messyRows,
  toTable,
  trainOnLeads,
  trainOnRows,
} from './scoring-fixtures.js';

const training = cleanRows(3000, 1);
const model = trainOnRows(training);
const COLUMNS = ['visits', 'spend', 'tier', 'source', 'city', 'flag'];

describe('the model the fixtures train', () => {
  it('has missing indicators, grouped rare levels and a (missing) level to be scored', () => {
    const names = model.features.map((feature) => feature.name);
    expect(names).toEqual(
      expect.arrayContaining(['visits (missing)', 'source = (other)', 'tier = (missing)', 'city = Paris']),
    );
  });
});

describe('predict', () => {
  it('gives, bit for bit, the probabilities of the definitions, for values written in every way', () => {
    const rows = messyRows(6000, 2);
    expect(Array.from(predict(model, rows))).toEqual(referenceProbabilities(model, rows));
  });

  it('gives the same probabilities whether rows come one call at a time or all at once', () => {
    const rows = messyRows(300, 3);
    const oneByOne = rows.flatMap((row) => Array.from(predict(model, [row])));
    expect(oneByOne).toEqual(Array.from(predict(model, rows)));
  });
});

describe('predictTable', () => {
  const rows = messyRows(6000, 4);
  const table = toTable(rows, COLUMNS);

  it('gives, bit for bit, the probabilities of the definitions', () => {
    const cleaned = rows.map((_, r) => Object.fromEntries(COLUMNS.map((c, i) => [c, table.cells[i]![r]])));
    expect(Array.from(predictTable(model, table))).toEqual(referenceProbabilities(model, cleaned));
  });

  it('agrees with the kernel over the design matrix', () => {
    const design = tableDesign(model, table);
    expect(Array.from(predictTable(model, table))).toEqual(
      Array.from(scoreDesign(design, model.coefficients, model.intercept)),
    );
  });

  it('treats a column the table lacks as missing throughout', () => {
    const without = toTable(rows, ['spend', 'tier', 'source', 'city', 'flag']);
    const expected = referenceProbabilities(
      model,
      rows.map((_, r) => ({
        ...Object.fromEntries(COLUMNS.map((c, i) => [c, table.cells[i]![r]])),
        visits: undefined,
      })),
    );
    expect(Array.from(predictTable(model, without))).toEqual(expected);
  });
});

describe('predictLeads', () => {
  const leads = fixtureLeads(1500, 5);
  const leadModel = trainOnLeads(leads, 6);
  const scored = fixtureLeads(3000, 7);

  it('reads activity counts, recency, profile and custom fields', () => {
    const columns = new Set(leadModel.features.map((feature) => feature.column));
    expect([...columns]).toEqual(
      expect.arrayContaining([
        'demo_request.count',
        'days_since_last_activity',
        'seniority',
        'plan',
        'employees',
      ]),
    );
  });

  it('gives the scores and top factors of the definitions, over the rows leadRow writes', () => {
    expect(predictLeads(leadModel, scored, AS_OF)).toEqual(
      referenceLeadPredictions(leadModel, scored, AS_OF),
    );
  });

  it('names at most as many top factors as asked, whatever the limit', () => {
    for (const limit of [0, 1, 5, 2.5, -1, Number.POSITIVE_INFINITY]) {
      expect(predictLeads(leadModel, scored.slice(0, 200), AS_OF, limit)).toEqual(
        referenceLeadPredictions(leadModel, scored.slice(0, 200), AS_OF, limit),
      );
    }
  });

  it('reads leads of unusual make as leadRow does: inherited fields, custom objects without a prototype', () => {
    class WithSeniority {
      get seniority(): string {
        return 'vp';
      }
    }
    const inheriting = (lead: Lead, prototype: object): Lead => {
      const fields: Partial<Lead> = { ...lead };
      delete fields.seniority;
      return Object.assign(Object.create(prototype) as Lead, fields);
    };
    // Two keys for column custom.jobTitle: the later one wins.
    const clashing = [
      { 'custom.jobTitle': 'buyer', jobTitle: 'user' },
      { jobTitle: 'user', 'custom.jobTitle': 'buyer' },
    ];
    const odd: Lead[] = scored.slice(0, 100).map((lead, i) => {
      if (i % 5 === 0) return inheriting(lead, { seniority: 'vp' });
      if (i % 5 === 1) return inheriting(lead, WithSeniority.prototype);
      if (i % 5 === 2) return { ...lead, custom: Object.assign(Object.create(null) as object, lead.custom) };
      return { ...lead, custom: { ...clashing[i % 5 === 3 ? 0 : 1], plan: 'pro' } };
    });
    expect(predictLeads(leadModel, odd, AS_OF, 3)).toEqual(
      referenceLeadPredictions(leadModel, odd, AS_OF, 3),
    );
  });

  it('gives the same results page by page as for all leads at once', () => {
    const pages = [scored.slice(0, 100), scored.slice(100, 101), scored.slice(101, 700)];
    expect(pages.flatMap((page) => predictLeads(leadModel, page, AS_OF))).toEqual(
      predictLeads(leadModel, scored.slice(0, 700), AS_OF),
    );
  });
});
