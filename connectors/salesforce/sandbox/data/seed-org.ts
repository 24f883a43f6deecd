import { KEY_PREFIXES, makeId } from '../ids.js';
import { createPrng } from '../../../sandbox-kit/prng.js';
import { formatDateTime, type SObjectRecord } from './field-types.js';
import { seedAssignmentRules } from './automation-sobjects.js';
import type { OrgStore } from './org-store.js';
import { seedActivities, seedCampaigns, seedMembers } from './seed-activities.js';
import { seedConversionEngagement } from './seed-conversions.js';
import { seedDetails } from './seed-details.js';
import { seedEmails } from './seed-emails.js';
import { seedOpportunities } from './seed-opportunities.js';
import { engagementTimes } from './seed-signals.js';
import { seedContacts, seedLeads } from './seed-people.js';

export interface SeedOptions {
  leads: number;
  contacts: number;
  seed: number;
  now: Date;
}

const USER_NAMES = ['Alex Morgan', 'Sam Rivera', 'Jordan Lee', 'Taylor Brooks', 'Casey Kim'];

/**
 * Fills the store: users, campaigns, contacts, leads, then their tasks, events and campaign memberships,
 * then the sales history (the engagement before each conversion, opportunities and contact roles), then
 * the emails between owners and people (and the people's replies).
 */
export function seedOrg(store: OrgStore, options: SeedOptions): void {
  const prng = createPrng(options.seed);
  const nowMs = options.now.getTime();
  const created = formatDateTime(nowMs - 400 * 86_400_000);
  const users: SObjectRecord[] = USER_NAMES.map((name, i) => ({
    Id: makeId(KEY_PREFIXES.User, i + 1),
    Name: name,
    Username: `${name.toLowerCase().replace(' ', '.')}@sandbox.example`,
    Email: `${name.toLowerCase().replace(' ', '.')}@sandbox.example`,
    IsActive: true,
    CreatedDate: created,
    LastModifiedDate: created,
    SystemModstamp: created,
  }));
  const owners = users.map((u) => u.Id as string);
  const campaigns = seedCampaigns(prng, owners, nowMs);
  const contacts = seedContacts(prng, options.contacts, owners, nowMs);
  const leads = seedLeads(prng, options.leads, owners, contacts, nowMs);
  const people = [...leads, ...contacts];
  const { tasks, events } = seedActivities(prng, people, owners, nowMs);
  const members = seedMembers(prng, people, campaigns, nowMs);
  const accounts = seedDetails(createPrng(options.seed + 7919), leads, contacts, owners);
  // The sales history comes last, from its own sequence: every record seeded above stays as it was.
  const history = createPrng(options.seed + 104_729);
  seedConversionEngagement(history, leads, owners, { campaigns, tasks, events, members });
  const { opportunities, roles } = seedOpportunities(history, {
    leads,
    contacts,
    accounts,
    owners,
    engagement: engagementTimes(tasks, events, members),
    nowMs,
  });
  // Emails come last, from a sequence of their own too: every record above is as in an org without them.
  const emails = seedEmails(createPrng(options.seed + 1_299_709), people, users, nowMs);
  const tables: [string, SObjectRecord[]][] = [
    ['User', users],
    ['Account', accounts],
    ['Campaign', campaigns],
    ['Contact', contacts],
    ['Lead', leads],
    ['Task', tasks],
    ['Event', events],
    ['CampaignMember', members],
    ['Opportunity', opportunities],
    ['OpportunityContactRole', roles],
    ['EmailMessage', emails.messages],
    ['EmailMessageRelation', emails.relations],
  ];
  for (const [type, rows] of tables) for (const row of rows) store.insert(type, row);
  seedAssignmentRules(store, options.now);
}
