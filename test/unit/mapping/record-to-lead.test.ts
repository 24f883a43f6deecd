import { beforeAll, describe, expect, it } from '@jest/globals';
import { recordToLead } from '../../../src/mapping/apply-mapping.js';
import { formatRecordProblem } from '../../../src/mapping/crm-record.js';
import type { CrmRecord } from '../../../src/mapping/crm-record.js';
import { loadMapping } from '../../../src/mapping/load-mapping.js';
import type { Mapping } from '../../../src/mapping/mapping-schema.js';
import type { Activity } from '../../../src/model/activity.js';
import { collectProblems, HUBSPOT_MAPPING, SALESFORCE_MAPPING } from './mapping-fixtures.js';

let hubspot: Mapping;
beforeAll(async () => {
  hubspot = await loadMapping(HUBSPOT_MAPPING);
});

/** A contact as GET /crm/v3/objects/contacts returns it: every value a string, unset ones null. */
function contact(properties: Record<string, string | null> = {}, id = '101'): CrmRecord {
  return {
    id,
    properties: {
      email: 'Dana.Reyes@Acme.io',
      firstname: 'Dana',
      lastname: 'Reyes',
      jobtitle: '  VP Marketing ',
      hs_seniority: 'vice_president',
      industry: 'COMPUTER_SOFTWARE',
      numemployees: '1000+',
      annualrevenue: '$5M',
      country: 'United States',
      state: null,
      city: '',
      hs_lead_status: 'OPEN',
      lifecyclestage: 'lead',
      hubspot_owner_id: '812345',
      hs_email_optout: 'false',
      createdate: '2026-01-10T08:00:00.000Z',
      lastmodifieddate: '2026-06-01T12:30:00.000Z',
      hs_analytics_num_page_views: '3',
      hs_analytics_first_visit_timestamp: '2026-05-01T00:00:00.000Z',
      hs_analytics_last_visit_timestamp: '2026-05-21T00:00:00.000Z',
      hs_email_open: '2',
      hs_email_last_open_date: '1780000000000',
      hs_email_click: '0',
      hs_email_last_click_date: null,
      hs_email_replied: null,
      hs_email_last_reply_date: null,
      hs_email_bounce: null,
      hs_email_last_send_date: '2026-05-30T10:00:00.000Z',
      num_conversion_events: '1',
      first_conversion_date: '2026-01-10T08:00:00.000Z',
      recent_conversion_date: '2026-01-10T08:00:00.000Z',
      leadscore_score: null,
      leadscore_fit: null,
      leadscore_engagement: null,
      leadscore_grade: null,
      leadscore_mql_status: null,
      leadscore_reasons: null,
      leadscore_model: null,
      leadscore_scored_at: null,
      ...properties,
    },
  };
}

function read(record: CrmRecord, mapping: Mapping = hubspot) {
  const { problems, onProblem } = collectProblems();
  const lead = recordToLead(mapping, record, { crm: mapping.crm, object: mapping.object, onProblem });
  return { lead, problems, messages: problems.map(formatRecordProblem) };
}

const ofType = (activities: Activity[], type: string): string[] =>
  activities.filter((a) => a.type === type).map((a) => a.at.toISOString());

describe('recordToLead: a HubSpot contact as a canonical lead', () => {
  it('maps each property to its canonical field, parsed like CSV input', () => {
    const { lead, problems } = read(contact());
    expect(problems).toEqual([]);
    expect(lead).toMatchObject({
      ref: { crm: 'hubspot', object: 'contact', id: '101' },
      email: 'dana.reyes@acme.io',
      firstName: 'Dana',
      jobTitle: 'VP Marketing',
      seniority: 'vice_president',
      employees: 1000,
      annualRevenue: 5_000_000,
      country: 'United States',
      leadStatus: 'OPEN',
      lifecycleStage: 'lead',
      ownerId: '812345',
      unsubscribed: false,
      createdAt: new Date('2026-01-10T08:00:00.000Z'),
      updatedAt: new Date('2026-06-01T12:30:00.000Z'),
    });
  });

  it('reads a range of employees as its midpoint, rounded', () => {
    expect(read(contact({ numemployees: '25-50' })).lead.employees).toBe(38);
  });

  it('treats null and empty properties as missing', () => {
    const { lead, problems } = read(contact({ industry: null, jobtitle: '' }));
    expect(problems).toEqual([]);
    for (const field of ['industry', 'jobTitle', 'state', 'city'] as const) {
      expect(lead).not.toHaveProperty(field);
    }
  });

  it('treats properties the CRM did not return as missing', () => {
    const { lead } = read({ id: '7', properties: { email: 'a@b.co' } });
    expect(lead).toEqual({
      ref: { crm: 'hubspot', object: 'contact', id: '7' },
      email: 'a@b.co',
      activities: [],
    });
  });

  it('reads "true" as a boolean', () => {
    expect(read(contact({ hs_email_optout: 'true' })).lead.unsubscribed).toBe(true);
  });

  it('reports a bad value with the record id and the CRM property, and leaves the field missing', () => {
    const { lead, problems, messages } = read(contact({ createdate: '03/05/2026', numemployees: 'lots' }));
    expect(lead).not.toHaveProperty('createdAt');
    expect(lead).not.toHaveProperty('employees');
    expect(problems).toContainEqual(
      expect.objectContaining({ recordId: '101', property: 'createdate', code: 'invalid_date' }),
    );
    expect(messages).toEqual([
      'hubspot contact 101: numemployees: expected a number or a range like "50-200", got "lots"; treated as missing',
      'hubspot contact 101: createdate: expected an ISO-8601 date like 2026-03-05T14:22:00Z, got "03/05/2026"; ' +
        'treated as missing',
    ]);
  });

  it('keeps custom properties as trimmed text, dropping missing ones', () => {
    const mapping: Mapping = {
      ...hubspot,
      custom: { persona: 'hs_persona', plan: 'plan__c', empty: 'gone' },
    };
    const { lead } = read(contact({ hs_persona: ' persona_1 ', gone: '' }), mapping);
    expect(lead.custom).toEqual({ persona: 'persona_1' });
  });
});

describe('recordToLead: rollup properties as activities, like CSV count columns', () => {
  it('spreads a count evenly from the first to the last date', () => {
    expect(ofType(read(contact()).lead.activities, 'page_view')).toEqual([
      '2026-05-01T00:00:00.000Z',
      '2026-05-11T00:00:00.000Z',
      '2026-05-21T00:00:00.000Z',
    ]);
  });

  it('puts all of a count at the last date when there is no first date (epoch milliseconds read too)', () => {
    const at = new Date(1780000000000).toISOString();
    expect(ofType(read(contact()).lead.activities, 'email_open')).toEqual([at, at]);
  });

  it('makes no activities of a count of 0 or a count that is not set', () => {
    const { activities } = read(contact()).lead;
    expect(ofType(activities, 'email_click')).toEqual([]);
    expect(ofType(activities, 'email_reply')).toEqual([]);
    expect(ofType(activities, 'email_bounce')).toEqual([]);
  });

  it('makes exactly as many activities as the counts say', () => {
    expect(read(contact()).lead.activities).toHaveLength(3 + 2 + 1);
  });

  it('dates a count without a last date at the last modification, as CSV does', () => {
    const { lead } = read(contact({ hs_email_replied: '1' }));
    expect(ofType(lead.activities, 'email_reply')).toEqual(['2026-06-01T12:30:00.000Z']);
  });

  it('reports a count that is not a whole number, naming the property', () => {
    const { lead, messages } = read(contact({ hs_email_click: 'several' }));
    expect(ofType(lead.activities, 'email_click')).toEqual([]);
    expect(messages).toEqual([
      'hubspot contact 101: hs_email_click: expected a whole number of 0 or more, got "several"; treated as 0',
    ]);
  });

  it('carries the fixed attributes of a rollup', () => {
    const mapping: Mapping = {
      ...hubspot,
      rollups: [
        { type: 'page_view', count: 'pricing_views', last: 'pricing_last', attributes: { url: '/pricing' } },
      ],
    };
    const { lead } = read(contact({ pricing_views: '1', pricing_last: '2026-05-02' }), mapping);
    expect(lead.activities).toEqual([
      { type: 'page_view', url: '/pricing', at: new Date('2026-05-02T00:00:00Z') },
    ]);
  });

  it('gives only the latest activity of a rollup the attributes read from lastAttributes (the last page seen)', () => {
    const { lead } = read(contact({ hs_analytics_last_url: 'https://www.acme.example/pricing?plan=pro' }));
    const views = lead.activities.filter((a) => a.type === 'page_view');
    expect(views.map((a) => a.url)).toEqual([
      undefined,
      undefined,
      'https://www.acme.example/pricing?plan=pro',
    ]);
    expect(views[2]!.at.toISOString()).toBe('2026-05-21T00:00:00.000Z');
  });

  it('leaves the latest activity without the attribute when the property is empty', () => {
    const { lead } = read(contact({ hs_analytics_last_url: '' }));
    expect(lead.activities.filter((a) => a.type === 'page_view').every((a) => !('url' in a))).toBe(true);
  });
});

describe('recordToLead: what a CRM record says beyond its fields', () => {
  it('a bounce counted by the CRM marks the email as bounced when no bounced field is mapped', () => {
    const { lead } = read(contact({ hs_email_bounce: '1', hs_email_last_send_date: '2026-05-03' }));
    expect(lead.emailBounced).toBe(true);
  });

  it('no bounce leaves emailBounced unset', () => {
    expect(read(contact()).lead.emailBounced).toBeUndefined();
  });
});

describe('recordToLead: the score values the CRM holds now', () => {
  it('fills `current` from the score properties, for the pipeline to diff against', () => {
    const { lead, problems } = read(
      contact({
        leadscore_score: '72',
        leadscore_fit: '45',
        leadscore_engagement: '-3.5',
        leadscore_grade: 'B',
        leadscore_mql_status: 'mql',
        leadscore_reasons: '+30 VP title; +15 software',
        leadscore_model: 'default-b2b@1a2b3c4d',
        leadscore_scored_at: '2026-06-01T09:00:00.000Z',
        leadscore_predictive: '81',
      }),
    );
    expect(problems).toEqual([]);
    expect(lead.current).toEqual({
      score: 72,
      fit: 45,
      engagement: -3.5,
      grade: 'B',
      status: 'mql',
      reasons: '+30 VP title; +15 software',
      model: 'default-b2b@1a2b3c4d',
      scoredAt: new Date('2026-06-01T09:00:00.000Z'),
      predictive: 81,
    });
  });

  it('leaves `current` out for a contact that was never scored', () => {
    expect(read(contact()).lead).not.toHaveProperty('current');
  });

  it('reports score values leadscore could not have written, and leaves them out', () => {
    const { lead, messages } = read(
      contact({
        leadscore_score: '72',
        leadscore_fit: 'high',
        leadscore_grade: 'E',
        leadscore_mql_status: 'MQL',
      }),
    );
    expect(lead.current).toEqual({ score: 72 });
    expect(messages).toEqual([
      'hubspot contact 101: leadscore_fit: expected a number like 42 or -3.5, got "high"; treated as missing',
      'hubspot contact 101: leadscore_grade: expected one of A, B, C, D, got "E"; treated as missing',
      'hubspot contact 101: leadscore_mql_status: expected one of mql, nurture, disqualified, sales_accepted, ' +
        'sales_rejected, got "MQL"; ' +
        'treated as missing',
    ]);
  });
});

describe('recordToLead: a Salesforce Lead', () => {
  it('maps flattened relationship fields such as Account.Industry', async () => {
    const mapping = await loadMapping(SALESFORCE_MAPPING);
    const record: CrmRecord = {
      id: '00Q5g00000AbCdE',
      properties: {
        Email: 'sam@globex.com',
        Title: 'Head of Operations',
        'Account.Industry': 'Manufacturing',
        'Account.Tier__c': 'Enterprise',
        NumberOfEmployees: '250',
        HasOptedOutOfEmail: 'false',
        CreatedDate: '2026-02-03T10:15:00.000+0000',
        Webinars_Attended__c: '1',
        Last_Webinar_Date__c: '2026-04-09',
        Leadscore_Grade__c: 'A',
      },
    };
    const { lead, problems } = read(record, mapping);
    expect(problems).toEqual([]);
    expect(lead).toEqual({
      ref: { crm: 'salesforce', object: 'Lead', id: '00Q5g00000AbCdE' },
      email: 'sam@globex.com',
      jobTitle: 'Head of Operations',
      industry: 'Manufacturing',
      employees: 250,
      unsubscribed: false,
      createdAt: new Date('2026-02-03T10:15:00.000Z'),
      custom: { accountTier: 'Enterprise' },
      activities: [{ type: 'webinar_attended', at: new Date('2026-04-09T00:00:00.000Z') }],
      current: { grade: 'A' },
    });
  });
});
