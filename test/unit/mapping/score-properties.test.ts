import { beforeAll, describe, expect, it } from '@jest/globals';
import type { ScoreValues } from '../../../src/connector/crm-adapter.js';
import { loadMapping } from '../../../src/mapping/load-mapping.js';
import type { Mapping } from '../../../src/mapping/mapping-schema.js';
import { scoreValuesToProperties } from '../../../src/mapping/score-properties.js';
import { HUBSPOT_MAPPING, SALESFORCE_MAPPING } from './mapping-fixtures.js';

let hubspot: Mapping;
beforeAll(async () => {
  hubspot = await loadMapping(HUBSPOT_MAPPING);
});

const values: ScoreValues = {
  score: 72,
  fit: 45,
  engagement: -3,
  grade: 'B',
  status: 'mql',
  reasons: '+30 VP title; +15 software',
  model: 'default-b2b@1a2b3c4d',
  scoredAt: new Date('2026-11-21T09:00:00Z'),
};

describe('scoreValuesToProperties', () => {
  it('writes exactly the score properties: numbers as text, enumeration values, scoredAt in ISO-8601 UTC', () => {
    expect(scoreValuesToProperties(hubspot, values)).toEqual({
      leadscore_score: '72',
      leadscore_fit: '45',
      leadscore_engagement: '-3',
      leadscore_grade: 'B',
      leadscore_mql_status: 'mql',
      leadscore_reasons: '+30 VP title; +15 software',
      leadscore_model: 'default-b2b@1a2b3c4d',
      leadscore_scored_at: '2026-11-21T09:00:00.000Z',
    });
  });

  it('writes the predictive score when there is one', () => {
    const properties = scoreValuesToProperties(hubspot, { ...values, predictive: 81.5 });
    expect(properties.leadscore_predictive).toBe('81.5');
    expect(Object.keys(properties)).toHaveLength(9);
  });

  it('writes no predictive score when the mapping has no property for it', async () => {
    const salesforce = await loadMapping(SALESFORCE_MAPPING);
    const properties = scoreValuesToProperties(salesforce, { ...values, predictive: 81 });
    expect(Object.keys(properties).sort()).toEqual([
      'Leadscore_Engagement__c',
      'Leadscore_Fit__c',
      'Leadscore_Grade__c',
      'Leadscore_Model__c',
      'Leadscore_Reasons__c',
      'Leadscore_Score__c',
      'Leadscore_Scored_At__c',
      'Leadscore_Status__c',
    ]);
  });

  it('never writes a number in exponent notation', () => {
    expect(scoreValuesToProperties(hubspot, { ...values, predictive: 1e-7 }).leadscore_predictive).toBe(
      '0.0000001',
    );
  });

  it('refuses values no CRM property can hold', () => {
    expect(() => scoreValuesToProperties(hubspot, { ...values, score: Number.NaN })).toThrow(
      expect.objectContaining({ code: 'SCORE_VALUE_INVALID' }),
    );
    expect(() => scoreValuesToProperties(hubspot, { ...values, scoredAt: new Date('nope') })).toThrow(
      'scoredAt is not a valid date',
    );
  });
});
