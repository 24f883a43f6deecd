import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { SalesforceSandbox, SObjectRecord } from '../../../../connectors/salesforce/sandbox/index.js';
import { parseTemporal } from '../../../../connectors/salesforce/sandbox/data/field-types.js';
import { soql, start } from './sandbox-fixture.js';

// The sales history the sandbox seeds after everything else: opportunities, contact roles, and the
// engagement that led to each conversion.
const NOW = new Date('2026-06-15T12:00:00.000Z');
let sandbox: SalesforceSandbox;
beforeAll(async () => {
  sandbox = await start({ leads: 600, contacts: 120, seed: 11, now: () => NOW });
});
afterAll(() => sandbox.stop());

const byId = (type: string) => new Map(sandbox.store.list(type).map((r) => [r.Id, r]));
const converted = () => sandbox.store.list('Lead').filter((l) => l.IsConverted === true);

describe('the seeded sales history', () => {
  it('gives every converted Lead the Opportunity it was converted into, its Contact in the primary role', () => {
    const opportunities = byId('Opportunity');
    const roles = sandbox.store.list('OpportunityContactRole');
    expect(converted().length).toBeGreaterThan(50);
    for (const lead of converted()) {
      const opportunity = opportunities.get(lead.ConvertedOpportunityId ?? null);
      expect(opportunity).toBeDefined();
      expect(String(opportunity!.CreatedDate).slice(0, 10)).toBe(lead.ConvertedDate);
      expect(roles).toContainEqual(
        expect.objectContaining({
          OpportunityId: opportunity!.Id,
          ContactId: lead.ConvertedContactId,
          IsPrimary: true,
        }),
      );
    }
    const unconverted = sandbox.store.list('Lead').filter((l) => l.IsConverted !== true);
    expect(unconverted.every((l) => l.ConvertedOpportunityId === null)).toBe(true);
  });

  it('closes the opportunities whose close date has passed, won or lost, and leaves later ones open', () => {
    const all = sandbox.store.list('Opportunity');
    for (const o of all) {
      const closed = (parseTemporal(o.CloseDate ?? null) ?? 0) <= NOW.getTime();
      expect(o.IsClosed).toBe(closed);
      expect(o.StageName === 'Closed Won').toBe(o.IsWon === true);
      if (o.IsWon === true) expect(o.IsClosed).toBe(true);
      if (closed && o.IsWon !== true) expect(o.StageName).toBe('Closed Lost');
    }
    const count = (f: (o: SObjectRecord) => boolean) => all.filter(f).length;
    expect(count((o) => o.IsWon === true)).toBeGreaterThan(10);
    expect(count((o) => o.IsClosed === true && o.IsWon !== true)).toBeGreaterThan(10);
    expect(count((o) => o.IsClosed !== true)).toBeGreaterThan(5);
  });

  it('gives some Contacts no Lead was converted into a deal of their own', () => {
    const convertedInto = new Set(converted().map((l) => l.ConvertedContactId));
    const ownDeals = sandbox.store
      .list('OpportunityContactRole')
      .filter((r) => !convertedInto.has(r.ContactId ?? null));
    expect(ownDeals.length).toBeGreaterThan(5);
  });

  it('wins more often for decision makers than for the titles that rarely buy', () => {
    const opportunities = byId('Opportunity');
    const closed = converted()
      .map((l) => ({ title: String(l.Title), o: opportunities.get(l.ConvertedOpportunityId ?? null)! }))
      .filter(({ o }) => o.IsClosed === true);
    const winRate = (pattern: RegExp) => {
      const group = closed.filter(({ title }) => pattern.test(title));
      return group.filter(({ o }) => o.IsWon === true).length / group.length;
    };
    expect(winRate(/^(CEO|CTO|VP |Head of )/)).toBeGreaterThan(
      winRate(/^(Student|Software Engineer|Data Analyst)$/),
    );
  });

  it('answers contact roles with their opportunity’s outcome through the Opportunity relationship', async () => {
    const role = sandbox.store.list('OpportunityContactRole')[0]!;
    const reply = await soql(
      sandbox,
      `SELECT ContactId, Opportunity.IsWon, Opportunity.IsClosed FROM OpportunityContactRole WHERE ContactId IN ('${String(role.ContactId)}')`,
    );
    expect(reply.status).toBe(200);
    const opportunity = sandbox.store.get(String(role.OpportunityId))!;
    expect(reply.body.records).toContainEqual(
      expect.objectContaining({
        ContactId: role.ContactId,
        Opportunity: expect.objectContaining({ IsWon: opportunity.IsWon, IsClosed: opportunity.IsClosed }),
      }),
    );
  });

  it('dates the engagement that led to a conversion before the ConvertedDate', () => {
    const leads = new Map(converted().map((l) => [l.Id, l]));
    const events = sandbox.store
      .list('Event')
      .filter(
        (e) =>
          e.Subject === 'Discovery call' || e.Subject === 'Product demo' || e.Subject === 'Scoping session',
      );
    expect(events.length).toBeGreaterThan(10);
    for (const event of events) {
      const lead = leads.get(event.WhoId ?? null);
      expect(lead).toBeDefined();
      expect(parseTemporal(event.StartDateTime ?? null)!).toBeLessThan(
        parseTemporal(lead!.ConvertedDate ?? null)!,
      );
    }
  });
});
