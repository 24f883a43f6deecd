import { describe, expect, it } from '@jest/globals';
import {
  engagementProperties,
  loadMapping,
  loadMappingFromText,
  requiredProperties,
} from '../../../src/mapping/load-mapping.js';
import { HUBSPOT_MAPPING, SALESFORCE_MAPPING } from './mapping-fixtures.js';

describe('requiredProperties: what a read of the lead object must request', () => {
  it('lists the fields, custom properties, rollup properties and the score properties read back, in that order', async () => {
    const mapping = await loadMapping(HUBSPOT_MAPPING);
    expect(requiredProperties(mapping)).toEqual([
      'email',
      'firstname',
      'lastname',
      'jobtitle',
      'hs_seniority',
      'industry',
      'numemployees',
      'annualrevenue',
      'country',
      'state',
      'city',
      'hs_lead_status',
      'lifecyclestage',
      'hubspot_owner_id',
      'hs_email_optout',
      'createdate',
      'lastmodifieddate',
      'hs_analytics_num_page_views',
      'hs_analytics_first_visit_timestamp',
      'hs_analytics_last_visit_timestamp',
      'hs_analytics_last_url',
      'hs_email_open',
      'hs_email_last_open_date',
      'hs_email_click',
      'hs_email_last_click_date',
      'hs_email_replied',
      'hs_email_last_reply_date',
      'hs_email_bounce',
      'hs_email_last_send_date',
      'num_conversion_events',
      'first_conversion_date',
      'recent_conversion_date',
      'leadscore_score',
      'leadscore_fit',
      'leadscore_engagement',
      'leadscore_grade',
      'leadscore_mql_status',
      'leadscore_reasons',
      'leadscore_model',
      'leadscore_scored_at',
      'leadscore_predictive',
    ]);
  });

  it('requests a property used twice only once, where it first appears', async () => {
    const mapping = await loadMapping(HUBSPOT_MAPPING);
    mapping.custom = { modified: 'lastmodifieddate', persona: 'hs_persona' };
    const properties = requiredProperties(mapping);
    expect(properties.filter((name) => name === 'lastmodifieddate')).toHaveLength(1);
    expect(properties.indexOf('hs_persona')).toBe(properties.indexOf('lastmodifieddate') + 1);
  });

  it('the property group is not requested; the predictive score is, to diff against', async () => {
    const properties = requiredProperties(await loadMapping(HUBSPOT_MAPPING));
    expect(properties).not.toContain('leadscore');
    expect(properties).toContain('leadscore_predictive');
  });

  it('includes Salesforce relationship fields as written', async () => {
    const properties = requiredProperties(await loadMapping(SALESFORCE_MAPPING));
    expect(properties).toEqual(expect.arrayContaining(['Title', 'Account.Industry', 'Account.Tier__c']));
  });
});

describe('engagementProperties: what a read of an engagement object must request', () => {
  it('the date, the `when` properties and the attribute properties', async () => {
    const mapping = await loadMapping(SALESFORCE_MAPPING);
    expect(engagementProperties(mapping, 'Task')).toEqual(['ActivityDate', 'TaskSubtype', 'Subject']);
    expect(engagementProperties(mapping, 'Event')).toEqual(['StartDateTime']);
  });

  it('the union over a list of mappings for one object, each property once', () => {
    const mapping = loadMappingFromText(`
crm: salesforce
object: Lead
fields: { email: Email }
engagements:
  Task:
    - { type: call, when: { TaskSubtype: Call }, at: ActivityDate, attributes: { subject: Subject } }
    - { type: meeting, when: { TaskSubtype: Task, Type: Meeting }, at: ActivityDate }
scoreProperties:
  { score: S__c, fit: F__c, engagement: E__c, grade: G__c, status: St__c, reasons: R__c, model: M__c, scoredAt: A__c }
`);
    expect(engagementProperties(mapping, 'Task')).toEqual(['ActivityDate', 'TaskSubtype', 'Subject', 'Type']);
  });

  it('nothing for an object type the mapping does not name', async () => {
    expect(engagementProperties(await loadMapping(HUBSPOT_MAPPING), 'notes')).toEqual([]);
  });
});
