import { beforeAll, describe, expect, it } from '@jest/globals';
import { engagementToActivity } from '../../../src/mapping/apply-mapping.js';
import { formatRecordProblem } from '../../../src/mapping/crm-record.js';
import { loadMapping } from '../../../src/mapping/load-mapping.js';
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

describe('engagementToActivity', () => {
  it('an incoming email is an email_reply at its timestamp', () => {
    expect(engagementToActivity(hubspot, 'emails', email('INCOMING_EMAIL'))).toEqual({
      type: 'email_reply',
      at: new Date('2026-05-20T15:04:05.000Z'),
    });
  });

  it('an outgoing or forwarded email is not an email_reply', () => {
    expect(engagementToActivity(hubspot, 'emails', email('EMAIL'))).toBeUndefined();
    expect(engagementToActivity(hubspot, 'emails', email('FORWARDED_EMAIL'))).toBeUndefined();
  });

  it('an email without a direction does not match the filter', () => {
    expect(engagementToActivity(hubspot, 'emails', email(null))).toBeUndefined();
  });

  it('a meeting needs no filter', () => {
    const meeting = { id: '9', properties: { hs_timestamp: '1779880000000' } };
    expect(engagementToActivity(hubspot, 'meetings', meeting)).toEqual({
      type: 'meeting',
      at: new Date(1779880000000),
    });
  });

  it('an object type the mapping does not name becomes nothing', () => {
    expect(
      engagementToActivity(hubspot, 'notes', { id: '1', properties: { hs_timestamp: '2026-05-20' } }),
    ).toBe(undefined);
  });

  it('a missing or unreadable date skips the engagement and is reported with its id and property', () => {
    const { problems, onProblem } = collectProblems();
    expect(
      engagementToActivity(hubspot, 'emails', email('INCOMING_EMAIL', 'yesterday'), onProblem),
    ).toBeUndefined();
    expect(engagementToActivity(hubspot, 'emails', email('INCOMING_EMAIL', null), onProblem)).toBeUndefined();
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
    expect(engagementToActivity(salesforce, 'Task', call)).toEqual({
      type: 'call',
      at: new Date('2026-05-18T00:00:00.000Z'),
      subject: 'Discovery call',
    });
    const todo = {
      id: '00T2',
      properties: { TaskSubtype: 'Task', ActivityDate: '2026-05-18', Subject: 'Follow up' },
    };
    expect(engagementToActivity(salesforce, 'Task', todo)).toBeUndefined();
  });
});
