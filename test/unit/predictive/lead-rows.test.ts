import { describe, expect, it } from '@jest/globals';
import { leadRow } from '../../../src/predictive/lead-rows.js';
import { activity, buildLead, NOW } from '../../unit/helpers/leads.js';

describe('leadRow', () => {
  const lead = buildLead(
    {
      email: 'ann@acme.io',
      firstName: 'Ann',
      industry: 'Software',
      employees: 250,
      custom: { plan: 'pro', industry: 'x' },
    },
    [
      activity('page_view', 10),
      activity('page_view', 3),
      activity('demo_request', 5),
      activity('email_open', -2),
    ],
  );
  const row = leadRow(lead, NOW, ['page_view', 'demo_request', 'email_open', 'meeting']);

  it('counts activities per type up to the reference time, 0 for types the lead never did', () => {
    expect(row).toMatchObject({
      'page_view.count': '2',
      'demo_request.count': '1',
      'email_open.count': '0',
      'meeting.count': '0',
    });
  });

  it('gives the days since the last activity before the reference time', () => {
    expect(Number(row.days_since_last_activity)).toBeCloseTo(3, 9);
    expect(leadRow(buildLead(), NOW, []).days_since_last_activity).toBeUndefined();
  });

  it('keeps profile and custom fields, a custom key clashing with a profile field as custom.KEY', () => {
    expect(row).toMatchObject({
      industry: 'Software',
      employees: '250',
      plan: 'pro',
      'custom.industry': 'x',
    });
  });

  it('leaves out personal fields', () => {
    expect(row).not.toHaveProperty('email');
    expect(row).not.toHaveProperty('firstName');
  });
});
