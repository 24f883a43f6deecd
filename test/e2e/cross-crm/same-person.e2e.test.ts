import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { HubSpotAdapter } from '../../../connectors/hubspot/hubspot-adapter.js';
import { startHubSpotSandbox } from '../../../connectors/hubspot/sandbox/index.js';
import type { HubSpotSandbox } from '../../../connectors/hubspot/sandbox/index.js';
import type { CrmStore } from '../../../connectors/hubspot/sandbox/data/crm-store.js';
import { SalesforceAdapter } from '../../../connectors/salesforce/salesforce-adapter.js';
import { startSalesforceSandbox } from '../../../connectors/salesforce/sandbox/index.js';
import type { SalesforceSandbox } from '../../../connectors/salesforce/sandbox/index.js';
import type { CrmAdapter } from '../../../src/connector/crm-adapter.js';
import { loadMapping } from '../../../src/mapping/load-mapping.js';
import type { Lead } from '../../../src/model/lead.js';
import { loadModel } from '../../../src/scoring/load-model.js';
import type { LoadedModel } from '../../../src/scoring/load-model.js';
import { scoreLead } from '../../../src/scoring/score-lead.js';

/**
 * One person, entered in both CRMs with the same facts the way each CRM records them: a VP of Marketing at a
 * 300-person technology company in the United States, opted in, with a meeting five days ago and a logged
 * call twelve days ago. Read through each adapter and its shipped mapping, the default model must give the
 * same score, fit, engagement, grade, status and reasons.
 */
const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));
const NOW = new Date('2026-06-15T12:00:00.000Z');
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);
const MEETING_AT = new Date(daysAgo(5).getTime() + 3 * 3_600_000); // 15:00 UTC
const CALL_DAY = daysAgo(12).toISOString().slice(0, 10); // Salesforce logs a call on a date (midnight UTC)
const CREATED = daysAgo(90);

const PERSON = {
  firstName: 'Ana',
  lastName: 'Okafor',
  email: 'ana.okafor@northwind-analytics.com',
  title: 'VP Marketing',
  industry: 'Technology',
  employees: 300,
  country: 'United States',
  state: 'California',
  city: 'San Francisco',
};

let hubspot: HubSpotSandbox;
let salesforce: SalesforceSandbox;
let model: LoadedModel;
let hubspotLead: Lead;
let salesforceLead: Lead;

async function readOne(adapter: CrmAdapter, id: string): Promise<Lead> {
  const leads: Lead[] = [];
  for await (const page of adapter.read({ kind: 'ids', ids: [id] })) leads.push(...page.leads);
  expect(leads).toHaveLength(1);
  return leads[0]!;
}

/** A new HubSpot contact in an empty portal: the person, with nothing but these facts. */
function hubSpotPerson(): string {
  const id = '51';
  const stamp = CREATED.toISOString();
  (hubspot.store as CrmStore).insertContact({
    id,
    createdAt: stamp,
    updatedAt: stamp,
    archived: false,
    properties: {
      hs_object_id: id,
      firstname: PERSON.firstName,
      lastname: PERSON.lastName,
      email: PERSON.email,
      jobtitle: PERSON.title,
      industry: PERSON.industry,
      numemployees: '100-500', // HubSpot's contact size is a range; leadscore reads its middle, 300
      country: PERSON.country,
      state: PERSON.state,
      city: PERSON.city,
      lifecyclestage: 'lead',
      hs_email_optout: 'false',
      createdate: stamp,
      lastmodifieddate: stamp,
    },
  });
  const contact = { id };
  hubspot.store.addEngagement({
    type: 'meetings',
    contactId: contact.id,
    properties: { hs_timestamp: MEETING_AT.toISOString(), hs_meeting_title: 'Discovery' },
  });
  hubspot.store.addEngagement({
    type: 'calls',
    contactId: contact.id,
    properties: { hs_timestamp: `${CALL_DAY}T00:00:00.000Z`, hs_call_title: 'Intro call' },
  });
  return id;
}

/** The same person as a new Lead with an Event (the meeting) and a closed call Task. */
function salesforcePerson(): string {
  const lead = salesforce.store.create('Lead', {
    FirstName: PERSON.firstName,
    LastName: PERSON.lastName,
    Company: 'Northwind Analytics',
    Email: PERSON.email,
    Title: PERSON.title,
    Industry: PERSON.industry,
    NumberOfEmployees: PERSON.employees,
    Country: PERSON.country,
    State: PERSON.state,
    City: PERSON.city,
    Status: 'Open - Not Contacted',
    HasOptedOutOfEmail: false,
    IsConverted: false,
    OwnerId: String(salesforce.store.list('User')[0]!.Id),
  });
  const id = String(lead.Id);
  salesforce.store.update(id, { CreatedDate: CREATED.toISOString() });
  salesforce.store.create('Event', {
    WhoId: id,
    Subject: 'Discovery',
    StartDateTime: MEETING_AT.toISOString(),
    EndDateTime: new Date(MEETING_AT.getTime() + 1_800_000).toISOString(),
    OwnerId: lead.OwnerId ?? null,
  });
  salesforce.store.create('Task', {
    WhoId: id,
    Subject: 'Intro call',
    TaskSubtype: 'Call',
    Type: 'Call',
    Status: 'Completed',
    IsClosed: true,
    ActivityDate: CALL_DAY,
    OwnerId: lead.OwnerId ?? null,
  });
  return id;
}

beforeAll(async () => {
  model = await loadModel(root('config/scoring.yaml'));
  hubspot = await startHubSpotSandbox({ contacts: 0, seed: 3, now: () => NOW });
  salesforce = await startSalesforceSandbox({ leads: 5, contacts: 0, seed: 3, now: () => NOW });
  const hubspotAdapter = new HubSpotAdapter({
    baseUrl: hubspot.url,
    mapping: await loadMapping(root('mappings/hubspot.yaml')),
    credentials: { kind: 'private-app', accessToken: hubspot.privateAppToken },
    onProblem: () => {},
  });
  const salesforceAdapter = new SalesforceAdapter({
    credentials: { instanceUrl: salesforce.url, accessToken: salesforce.accessToken },
    mapping: await loadMapping(root('mappings/salesforce.yaml')),
    onProblem: () => {},
  });
  await hubspotAdapter.provision();
  await salesforceAdapter.provision();
  hubspotLead = await readOne(hubspotAdapter, hubSpotPerson());
  salesforceLead = await readOne(salesforceAdapter, salesforcePerson());
}, 30_000);

afterAll(async () => {
  await hubspot?.stop();
  await salesforce?.stop();
});

describe('the same person in HubSpot and in Salesforce', () => {
  it('reads as the same profile from both CRMs', () => {
    const profile = (lead: Lead) => ({
      email: lead.email,
      jobTitle: lead.jobTitle,
      industry: lead.industry,
      employees: lead.employees,
      country: lead.country,
      unsubscribed: lead.unsubscribed ?? false,
      emailBounced: lead.emailBounced ?? false,
    });
    expect(profile(salesforceLead)).toEqual(profile(hubspotLead));
  });

  it('reads the same meeting and call from both CRMs', () => {
    const activities = (lead: Lead) => lead.activities.map((a) => `${a.type} ${a.at.toISOString()}`).sort();
    expect(activities(salesforceLead)).toEqual(activities(hubspotLead));
    expect(activities(hubspotLead)).toHaveLength(2);
  });

  it('gets the same score, fit, engagement, grade, status and reasons', () => {
    const result = (lead: Lead) => {
      const r = scoreLead(model.compiled, lead, NOW);
      return {
        score: r.score,
        fit: r.fit,
        engagement: r.engagement,
        grade: r.grade,
        status: r.status,
        reasons: r.reasons,
      };
    };
    const fromHubSpot = result(hubspotLead);
    expect(result(salesforceLead)).toEqual(fromHubSpot);
    // Not a vacuous match: the person earns fit and engagement points for named reasons.
    expect(fromHubSpot.fit).toBeGreaterThan(0);
    expect(fromHubSpot.engagement).toBeGreaterThan(0);
    expect(fromHubSpot.reasons).toMatch(/Decision-maker role/);
    expect(fromHubSpot.reasons).toMatch(/Sales conversation/);
  });
});
