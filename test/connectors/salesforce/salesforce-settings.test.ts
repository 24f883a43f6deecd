import { describe, expect, it } from '@jest/globals';
import { parseSalesforceSettings } from '../../../connectors/salesforce/salesforce-settings.js';

describe('connectors.salesforce.settings.training', () => {
  it('labels converted Leads by default', () => {
    expect(parseSalesforceSettings({}).training).toEqual({ outcome: 'converted' });
  });

  it('takes outcome won: only Leads whose opportunity was won', () => {
    expect(parseSalesforceSettings({ training: { outcome: 'won' } }).training).toEqual({ outcome: 'won' });
  });

  it('refuses any other outcome, naming the setting', () => {
    expect(() => parseSalesforceSettings({ training: { outcome: 'closed' } })).toThrow(
      /settings\.training\.outcome/,
    );
  });
});
