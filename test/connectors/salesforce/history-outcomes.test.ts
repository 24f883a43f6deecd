import { describe, expect, it } from '@jest/globals';
import {
  contactOutcome,
  leadOutcome,
  opportunityFacts,
} from '../../../connectors/salesforce/history-outcomes.js';
import type { OpportunityFacts } from '../../../connectors/salesforce/history-outcomes.js';
import type { CrmRecord } from '../../../src/mapping/crm-record.js';

const OPP = '006000000000001AAA';
const CONVERTED_ON = new Date('2026-03-02T00:00:00.000Z');

const lead = (properties: Record<string, string | null>): CrmRecord => ({
  id: '00Q000000000001AAA',
  properties: { IsConverted: 'false', ConvertedDate: null, ConvertedOpportunityId: null, ...properties },
});
const converted = (opportunityId: string | null = OPP) =>
  lead({ IsConverted: 'true', ConvertedDate: '2026-03-02', ConvertedOpportunityId: opportunityId });
const facts = (
  isClosed: boolean,
  isWon: boolean,
  created = '2026-03-02T10:00:00.000Z',
): OpportunityFacts => ({
  isClosed,
  isWon,
  createdAt: new Date(created),
});
const opportunities = (opportunity: OpportunityFacts) => new Map([[OPP, opportunity]]);

describe('a Lead’s outcome', () => {
  it('outcome converted: a converted Lead is a positive, measured as of its ConvertedDate (midnight UTC)', () => {
    expect(leadOutcome(converted(), 'converted', new Map())).toEqual({
      converted: true,
      outcomeAt: CONVERTED_ON,
    });
  });

  it('an unconverted Lead is a negative with no outcome time, whichever the outcome', () => {
    expect(leadOutcome(lead({}), 'converted', new Map())).toEqual({ converted: false });
    expect(leadOutcome(lead({}), 'won', new Map())).toEqual({ converted: false });
  });

  it('outcome won: converted and its ConvertedOpportunityId won', () => {
    expect(leadOutcome(converted(), 'won', opportunities(facts(true, true)))).toEqual({
      converted: true,
      outcomeAt: CONVERTED_ON,
    });
  });

  it('outcome won: converted but the opportunity was lost is a negative, still measured at conversion', () => {
    expect(leadOutcome(converted(), 'won', opportunities(facts(true, false)))).toEqual({
      converted: false,
      outcomeAt: CONVERTED_ON,
    });
  });

  it('outcome won: an opportunity still open (or one not readable) is not known yet', () => {
    expect(leadOutcome(converted(), 'won', opportunities(facts(false, false)))).toEqual({
      outcomeAt: CONVERTED_ON,
    });
    expect(leadOutcome(converted(), 'won', new Map())).toEqual({ outcomeAt: CONVERTED_ON });
  });

  it('outcome won: converted without creating an opportunity is a negative', () => {
    expect(leadOutcome(converted(null), 'won', new Map())).toEqual({
      converted: false,
      outcomeAt: CONVERTED_ON,
    });
  });
});

describe('a Contact’s outcome, through its OpportunityContactRoles', () => {
  it('is won when any opportunity it has a role on is won, as of the earliest won one’s creation', () => {
    const outcome = contactOutcome([
      facts(true, false, '2026-01-01T00:00:00Z'),
      facts(true, true, '2026-04-01T00:00:00Z'),
      facts(true, true, '2026-02-01T00:00:00Z'),
      facts(false, false, '2026-05-01T00:00:00Z'),
    ]);
    expect(outcome).toEqual({ converted: true, outcomeAt: new Date('2026-02-01T00:00:00Z') });
  });

  it('is not known yet while its only opportunities are open', () => {
    expect(contactOutcome([facts(true, false), facts(false, false)])).toEqual({});
  });

  it('is a negative with only lost opportunities (as of the first) or none at all (as of now)', () => {
    expect(
      contactOutcome([
        facts(true, false, '2026-03-01T00:00:00Z'),
        facts(true, false, '2026-01-05T00:00:00Z'),
      ]),
    ).toEqual({ converted: false, outcomeAt: new Date('2026-01-05T00:00:00Z') });
    expect(contactOutcome([])).toEqual({ converted: false });
  });

  it('reads IsWon, IsClosed and CreatedDate through the role’s Opportunity relationship', () => {
    const role: CrmRecord = {
      id: '00K000000000001AAA',
      properties: {
        ContactId: '003000000000001AAA',
        'Opportunity.IsWon': 'true',
        'Opportunity.IsClosed': 'true',
        'Opportunity.CreatedDate': '2026-02-01T09:30:00.000+00:00',
      },
    };
    expect(opportunityFacts(role, 'Opportunity.')).toEqual({
      isWon: true,
      isClosed: true,
      createdAt: new Date('2026-02-01T09:30:00.000Z'),
    });
  });
});
