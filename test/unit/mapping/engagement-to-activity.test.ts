import { beforeAll, describe, expect, it } from '@jest/globals';
import { engagementToActivities } from '../../../src/mapping/apply-mapping.js';
import { formatRecordProblem } from '../../../src/mapping/crm-record.js';
import { loadMapping, loadMappingFromText } from '../../../src/mapping/load-mapping.js';
import type { Mapping } from '../../../src/mapping/mapping-schema.js';
import { collectProblems, HUBSPOT_MAPPING, SALESFORCE_MAPPING } from './mapping-fixtures.js';

let hubspot: Mapping;
let salesforce: Mapping;
beforeAll(async () => {
  hubspot = await loadMapping(HUBSPOT_MAPPING);
  salesforce = await loadMapping(SALESFORCE_MAPPING);
});

const email = (direction: string | null, timestamp: string | null = '2026-05-20T15:04:05.000Z') => ({
  id: '555',
  properties: { hs_email_direction: direction, hs_timestamp: timestamp, hs_email_subject: 'Re: pricing' },
});

describe('engagementToActivities with one mapping per object', () => {
  it('an incoming email is an email_reply at its timestamp', () => {
    expect(engagementToActivities(hubspot, 'emails', email('INCOMING_EMAIL'))).toEqual([
      { type: 'email_reply', at: new Date('2026-05-20T15:04:05.000Z') },
    ]);
  });

  it('an outgoing or forwarded email is not an email_reply', () => {
    expect(engagementToActivities(hubspot, 'emails', email('EMAIL'))).toEqual([]);
    expect(engagementToActivities(hubspot, 'emails', email('FORWARDED_EMAIL'))).toEqual([]);
  });

  it('an email without a direction does not match the filter', () => {
    expect(engagementToActivities(hubspot, 'emails', email(null))).toEqual([]);
  });

  it('a meeting needs no filter', () => {
    const meeting = { id: '9', properties: { hs_timestamp: '1779880000000' } };
    expect(engagementToActivities(hubspot, 'meetings', meeting)).toEqual([
      { type: 'meeting', at: new Date(1779880000000) },
    ]);
  });

  it('an object type the mapping does not name becomes nothing', () => {
    const note = { id: '1', properties: { hs_timestamp: '2026-05-20' } };
    expect(engagementToActivities(hubspot, 'notes', note)).toEqual([]);
  });

  it('a missing or unreadable date skips the engagement and is reported with its id and property', () => {
    const { problems, onProblem } = collectProblems();
    expect(
      engagementToActivities(hubspot, 'emails', email('INCOMING_EMAIL', 'yesterday'), onProblem),
    ).toEqual([]);
    expect(engagementToActivities(hubspot, 'emails', email('INCOMING_EMAIL', null), onProblem)).toEqual([]);
    expect(problems.map(formatRecordProblem)).toEqual([
      'hubspot emails 555: hs_timestamp: expected an ISO-8601 date like 2026-03-05T14:22:00Z, got "yesterday"; ' +
        'activity skipped',
      'hubspot emails 555: hs_timestamp: expected an ISO-8601 date like 2026-03-05T14:22:00Z, got null; ' +
        'activity skipped',
    ]);
  });

  it('maps attributes from properties, and matches `when` ignoring case (a Salesforce Task)', () => {
    const call = {
      id: '00T1',
      properties: { TaskSubtype: 'call', ActivityDate: '2026-05-18', Subject: 'Discovery call' },
    };
    expect(engagementToActivities(salesforce, 'Task', call)).toEqual([
      { type: 'call', at: new Date('2026-05-18T00:00:00.000Z'), subject: 'Discovery call' },
    ]);
    const todo = {
      id: '00T2',
      properties: { TaskSubtype: 'Task', ActivityDate: '2026-05-18', Subject: 'Follow up' },
    };
    expect(engagementToActivities(salesforce, 'Task', todo)).toEqual([]);
  });
});

describe('engagementToActivities with a list of mappings per object: every match is an activity', () => {
  const campaigns = loadMappingFromText(`
crm: salesforce
object: Lead
fields: { email: Email }
engagements:
  CampaignMember:
    - { type: webinar_registration, when: { Campaign.Type: Webinar }, at: CreatedDate }
    - type: webinar_attended
      when: { Campaign.Type: Webinar, HasResponded: true }
      at: FirstRespondedDate
      attributes: { campaign: Campaign.Name }
    - { type: content_download, when: { Campaign.Type: Content, HasResponded: true }, at: FirstRespondedDate }
scoreProperties:
  { score: S__c, fit: F__c, engagement: E__c, grade: G__c, status: St__c, reasons: R__c, model: M__c, scoredAt: A__c }
`);
  const member = (type: string, responded: boolean, respondedOn: string | null = '2026-03-04') => ({
    id: '00v000000000001AAA',
    properties: {
      'Campaign.Type': type,
      'Campaign.Name': 'Scoring 101',
      HasResponded: String(responded),
      CreatedDate: '2026-03-01T09:30:00.000+00:00',
      FirstRespondedDate: respondedOn,
    },
  });

  it('a registered member of a Webinar campaign is a webinar_registration at CreatedDate', () => {
    expect(engagementToActivities(campaigns, 'CampaignMember', member('Webinar', false))).toEqual([
      { type: 'webinar_registration', at: new Date('2026-03-01T09:30:00.000Z') },
    ]);
  });

  it('a responded member of a Webinar campaign is a registration and an attendance, in mapping order', () => {
    expect(engagementToActivities(campaigns, 'CampaignMember', member('Webinar', true))).toEqual([
      { type: 'webinar_registration', at: new Date('2026-03-01T09:30:00.000Z') },
      { type: 'webinar_attended', at: new Date('2026-03-04T00:00:00.000Z'), campaign: 'Scoring 101' },
    ]);
  });

  it('a responded member of a Content campaign is a content_download; one who did not respond is nothing', () => {
    expect(engagementToActivities(campaigns, 'CampaignMember', member('Content', true))).toEqual([
      { type: 'content_download', at: new Date('2026-03-04T00:00:00.000Z') },
    ]);
    expect(engagementToActivities(campaigns, 'CampaignMember', member('Content', false))).toEqual([]);
  });

  it('a bad date skips only the mappings that read it, and is reported once', () => {
    const { problems, onProblem } = collectProblems();
    const record = member('Webinar', true, 'soon');
    expect(engagementToActivities(campaigns, 'CampaignMember', record, onProblem)).toEqual([
      { type: 'webinar_registration', at: new Date('2026-03-01T09:30:00.000Z') },
    ]);
    expect(problems).toEqual([
      expect.objectContaining({ recordId: '00v000000000001AAA', property: 'FirstRespondedDate' }),
    ]);
  });

  it('a single mapping and a list of one parse to the same list', () => {
    const text = (section: string) => `
crm: hubspot
object: contact
fields: { email: email }
engagements:
${section}
scoreProperties:
  { group: g, groupLabel: G, score: s, fit: f, engagement: e, grade: gr, status: st, reasons: r, model: m, scoredAt: a }
`;
    const one = loadMappingFromText(text('  calls: { type: call, at: hs_timestamp }'));
    const list = loadMappingFromText(text('  calls: [{ type: call, at: hs_timestamp }]'));
    expect(one.engagements).toEqual({ calls: [{ type: 'call', at: 'hs_timestamp' }] });
    expect(list.engagements).toEqual(one.engagements);
  });
});
