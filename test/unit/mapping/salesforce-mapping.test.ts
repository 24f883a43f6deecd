import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { engagementToActivities, recordToLead } from '../../../src/mapping/apply-mapping.js';
import type { CrmRecord } from '../../../src/mapping/crm-record.js';
import { engagementProperties, loadMapping } from '../../../src/mapping/load-mapping.js';
import type { Mapping } from '../../../src/mapping/mapping-schema.js';
import { collectProblems } from './mapping-fixtures.js';

const LEAD_FILE = fileURLToPath(new URL('../../../mappings/salesforce.yaml', import.meta.url));
const CONTACT_FILE = fileURLToPath(new URL('../../../mappings/salesforce-contact.yaml', import.meta.url));

const LEADSCORE_FIELDS = {
  score: 'LeadScore_Score__c',
  fit: 'LeadScore_Fit__c',
  engagement: 'LeadScore_Engagement__c',
  grade: 'LeadScore_Grade__c',
  status: 'LeadScore_MQL_Status__c',
  reasons: 'LeadScore_Reasons__c',
  model: 'LeadScore_Model__c',
  scoredAt: 'LeadScore_Scored_At__c',
  predictive: 'LeadScore_Predictive__c',
};

const member = (campaignType: string, hasResponded: string) => ({
  id: '00v000000000001AAA',
  properties: {
    'Campaign.Type': campaignType,
    'Campaign.Name': 'Scoring 101',
    HasResponded: hasResponded,
    CreatedDate: '2026-01-20T08:00:00.000+00:00',
    FirstRespondedDate: '2026-02-03',
  },
});

/** An EmailMessageRelation row as read, its email's fields through the EmailMessage lookup. */
const relation = (relationType: string, incoming: string) => ({
  id: '0Pg000000000001AAA',
  properties: {
    RelationType: relationType,
    'EmailMessage.Incoming': incoming,
    'EmailMessage.MessageDate': '2026-06-10T09:30:00.000+00:00',
    'EmailMessage.Subject': 'Re: pricing',
  },
});

const task = (properties: Record<string, string>) => ({
  id: '00T000000000001AAA',
  properties: { ActivityDate: '2026-05-18', Subject: 'Discovery', IsClosed: 'true', ...properties },
});

describe('mappings/salesforce.yaml', () => {
  it('loads with loadMapping', async () => {
    const mapping = await loadMapping(LEAD_FILE);
    expect(mapping).toMatchObject({ crm: 'salesforce', object: 'Lead' });
    expect(mapping.fields).toMatchObject({ leadStatus: 'Status', unsubscribed: 'HasOptedOutOfEmail' });
  });

  it('writes to the default LeadScore_ fields', async () => {
    expect((await loadMapping(LEAD_FILE)).scoreProperties).toEqual(LEADSCORE_FIELDS);
  });

  it('reads a Lead record without problems', async () => {
    const mapping = await loadMapping(LEAD_FILE);
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

  it('reads engagements only from the objects the adapter reads', async () => {
    expect(Object.keys((await loadMapping(LEAD_FILE)).engagements).sort()).toEqual([
      'CampaignMember',
      'EmailMessageRelation',
      'Event',
      'Task',
    ]);
  });
});

describe.each([
  ['mappings/salesforce.yaml', LEAD_FILE],
  ['mappings/salesforce-contact.yaml', CONTACT_FILE],
])('the engagements of %s', (_name, file) => {
  let mapping: Mapping;
  const activities = (object: string, record: CrmRecord) =>
    engagementToActivities(mapping, object, record).map((a) => a.type);

  beforeAll(async () => {
    mapping = await loadMapping(file);
  });

  it('a member of a Webinar campaign registered; once responded, also attended', () => {
    expect(engagementToActivities(mapping, 'CampaignMember', member('Webinar', 'false'))).toEqual([
      { type: 'webinar_registration', at: new Date('2026-01-20T08:00:00.000Z'), campaign: 'Scoring 101' },
    ]);
    expect(engagementToActivities(mapping, 'CampaignMember', member('Webinar', 'true'))).toEqual([
      { type: 'webinar_registration', at: new Date('2026-01-20T08:00:00.000Z'), campaign: 'Scoring 101' },
      { type: 'webinar_attended', at: new Date('2026-02-03T00:00:00.000Z'), campaign: 'Scoring 101' },
    ]);
  });

  it('a responded member of a Content campaign downloaded; of an Email campaign, nothing', () => {
    expect(activities('CampaignMember', member('Content', 'true'))).toEqual(['content_download']);
    expect(activities('CampaignMember', member('Content', 'false'))).toEqual([]);
    expect(activities('CampaignMember', member('Email', 'true'))).toEqual([]);
  });

  it('a closed call task is a call, a logged meeting task a meeting; open tasks and emails are nothing', () => {
    expect(activities('Task', task({ TaskSubtype: 'Call', Type: 'Call' }))).toEqual(['call']);
    expect(activities('Task', task({ TaskSubtype: 'Task', Type: 'Call' }))).toEqual(['call']);
    expect(activities('Task', task({ TaskSubtype: 'Task', Type: 'Meeting' }))).toEqual(['meeting']);
    expect(activities('Task', task({ TaskSubtype: 'Call', Type: 'Call', IsClosed: 'false' }))).toEqual([]);
    expect(activities('Task', task({ TaskSubtype: 'Email', Type: 'Email' }))).toEqual([]);
    expect(activities('Task', task({ TaskSubtype: 'Task', Type: 'Other' }))).toEqual([]);
  });

  it('an incoming email the person sent is an email_reply; one sent to them or copying them is nothing', () => {
    expect(engagementToActivities(mapping, 'EmailMessageRelation', relation('FromAddress', 'true'))).toEqual([
      { type: 'email_reply', at: new Date('2026-06-10T09:30:00.000Z'), subject: 'Re: pricing' },
    ]);
    expect(activities('EmailMessageRelation', relation('FromAddress', 'false'))).toEqual([]);
    expect(activities('EmailMessageRelation', relation('ToAddress', 'false'))).toEqual([]);
    expect(activities('EmailMessageRelation', relation('CcAddress', 'true'))).toEqual([]);
    expect(engagementProperties(mapping, 'EmailMessageRelation')).toEqual([
      'EmailMessage.MessageDate',
      'RelationType',
      'EmailMessage.Incoming',
      'EmailMessage.Subject',
    ]);
  });

  it('an Event is a meeting at its start', () => {
    const event = {
      id: '00U1',
      properties: { StartDateTime: '2026-05-18T14:30:00.000+00:00', Subject: 'Demo' },
    };
    expect(engagementToActivities(mapping, 'Event', event)).toEqual([
      { type: 'meeting', at: new Date('2026-05-18T14:30:00.000Z'), subject: 'Demo' },
    ]);
  });

  it('asks for the union of the fields its mappings use, campaign fields through the relationship', () => {
    expect(engagementProperties(mapping, 'CampaignMember')).toEqual([
      'CreatedDate',
      'Campaign.Type',
      'Campaign.Name',
      'FirstRespondedDate',
      'HasResponded',
    ]);
    expect(engagementProperties(mapping, 'Task')).toEqual([
      'ActivityDate',
      'TaskSubtype',
      'IsClosed',
      'Subject',
      'Type',
    ]);
  });
});

describe('mappings/salesforce-contact.yaml', () => {
  it('maps a Contact, its company facts through Account, with the Lead mapping’s score fields', async () => {
    const mapping = await loadMapping(CONTACT_FILE);
    expect(mapping).toMatchObject({ crm: 'salesforce', object: 'Contact' });
    expect(mapping.fields).toMatchObject({
      industry: 'Account.Industry',
      employees: 'Account.NumberOfEmployees',
      annualRevenue: 'Account.AnnualRevenue',
      country: 'MailingCountry',
      department: 'Department',
      emailBounced: 'IsEmailBounced',
    });
    expect(mapping.scoreProperties).toEqual((await loadMapping(LEAD_FILE)).scoreProperties);
  });

  it('reads a Contact record without problems', async () => {
    const { problems, onProblem } = collectProblems();
    const lead = recordToLead(
      await loadMapping(CONTACT_FILE),
      {
        id: '0035g00000AbCdEEAV',
        properties: {
          Email: 'grace@example.com',
          'Account.Industry': 'Technology',
          'Account.NumberOfEmployees': '1200',
          MailingCountry: 'Germany',
          IsEmailBounced: 'true',
        },
      },
      { onProblem },
    );
    expect(problems).toEqual([]);
    expect(lead).toMatchObject({
      ref: { crm: 'salesforce', object: 'Contact', id: '0035g00000AbCdEEAV' },
      industry: 'Technology',
      employees: 1200,
      country: 'Germany',
      emailBounced: true,
    });
  });
});
