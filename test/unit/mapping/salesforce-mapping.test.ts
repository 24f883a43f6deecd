import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { engagementToActivity, recordToLead } from '../../../src/mapping/apply-mapping.js';
import { engagementProperties, loadMapping } from '../../../src/mapping/load-mapping.js';
import { collectProblems } from './mapping-fixtures.js';

const FILE = fileURLToPath(new URL('../../../mappings/salesforce.yaml', import.meta.url));

describe('mappings/salesforce.yaml', () => {
  it('loads with loadMapping', async () => {
    const mapping = await loadMapping(FILE);
    expect(mapping).toMatchObject({ crm: 'salesforce', object: 'Lead' });
    expect(mapping.fields).toMatchObject({ leadStatus: 'Status', unsubscribed: 'HasOptedOutOfEmail' });
  });

  it('writes to the default LeadScore_ fields', async () => {
    const { scoreProperties } = await loadMapping(FILE);
    expect(scoreProperties).toEqual({
      score: 'LeadScore_Score__c',
      fit: 'LeadScore_Fit__c',
      engagement: 'LeadScore_Engagement__c',
      grade: 'LeadScore_Grade__c',
      status: 'LeadScore_MQL_Status__c',
      reasons: 'LeadScore_Reasons__c',
      model: 'LeadScore_Model__c',
      scoredAt: 'LeadScore_Scored_At__c',
      predictive: 'LeadScore_Predictive__c',
    });
  });

  it('reads a Lead record without problems', async () => {
    const mapping = await loadMapping(FILE);
    const { problems, onProblem } = collectProblems();
    const lead = recordToLead(
      mapping,
      {
        id: '00Q5g00000AbCdEEAV',
        properties: {
          Email: 'ada@example.com',
          NumberOfEmployees: '250',
          AnnualRevenue: '5000000',
          HasOptedOutOfEmail: 'false',
          CreatedDate: '2026-01-05T10:00:00.000+0000',
        },
      },
      { onProblem },
    );
    expect(problems).toEqual([]);
    expect(lead).toMatchObject({ email: 'ada@example.com', employees: 250, unsubscribed: false });
  });

  it('makes a webinar_attended activity from a responded member of a Webinar campaign', async () => {
    const mapping = await loadMapping(FILE);
    const member = (hasResponded: string) => ({
      id: '00v000000000001AAA',
      properties: {
        'Campaign.Type': 'Webinar',
        'Campaign.Name': 'Scoring 101',
        HasResponded: hasResponded,
        FirstRespondedDate: '2026-02-03',
      },
    });
    expect(engagementToActivity(mapping, 'CampaignMember', member('true'))).toMatchObject({
      type: 'webinar_attended',
      campaign: 'Scoring 101',
    });
    expect(engagementToActivity(mapping, 'CampaignMember', member('false'))).toBeUndefined();
  });

  it('asks for the campaign fields through the relationship', async () => {
    expect(engagementProperties(await loadMapping(FILE), 'CampaignMember')).toEqual([
      'FirstRespondedDate',
      'Campaign.Type',
      'HasResponded',
      'Campaign.Name',
    ]);
  });
});
