import { describe, expect, it } from '@jest/globals';
import { loadMapping, loadMappingFromText } from '../../../src/mapping/load-mapping.js';
import { MappingError } from '../../../src/mapping/mapping-error.js';
import type { ModelProblem } from '../../../src/util/errors.js';
import { yaml } from '../helpers/leads.js';
import { HUBSPOT_MAPPING, SALESFORCE_MAPPING } from './mapping-fixtures.js';

const FILE = 'mappings/demo.yaml';

/** A valid HubSpot mapping with `fields` and `extra` spliced in (both already indented by 2). */
function hubspotMapping({ fields = '  email: email', extra = '' } = {}): string {
  return [
    'crm: hubspot',
    'object: contact',
    'fields:',
    fields,
    extra,
    'scoreProperties:',
    '  group: leadscore',
    '  groupLabel: Lead scoring',
    '  score: leadscore_score',
    '  fit: leadscore_fit',
    '  engagement: leadscore_engagement',
    '  grade: leadscore_grade',
    '  status: leadscore_mql_status',
    '  reasons: leadscore_reasons',
    '  model: leadscore_model',
    '  scoredAt: leadscore_scored_at',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

function errorOf(text: string): MappingError {
  try {
    loadMappingFromText(text, FILE);
  } catch (error) {
    expect(error).toBeInstanceOf(MappingError);
    return error as MappingError;
  }
  throw new Error('expected the mapping to be rejected, but it loaded');
}

function problemOf(text: string): ModelProblem {
  const { problems } = errorOf(text);
  expect(problems).toHaveLength(1);
  return problems[0] as ModelProblem;
}

describe('the mapping files in the repository', () => {
  it('mappings/hubspot.yaml validates', async () => {
    const mapping = await loadMapping(HUBSPOT_MAPPING);
    expect(mapping).toMatchObject({ crm: 'hubspot', object: 'contact' });
    expect(mapping.fields.employees).toBe('numemployees');
    expect(mapping.engagements.emails).toEqual([
      { type: 'email_reply', when: { hs_email_direction: 'INCOMING_EMAIL' }, at: 'hs_timestamp' },
    ]);
  });

  it('a Salesforce Lead mapping with relationship fields validates', async () => {
    const mapping = await loadMapping(SALESFORCE_MAPPING);
    expect(mapping).toMatchObject({ crm: 'salesforce', object: 'Lead' });
    expect(mapping.fields).toMatchObject({ jobTitle: 'Title', industry: 'Account.Industry' });
    expect(mapping.custom).toEqual({ accountTier: 'Account.Tier__c' });
    expect(mapping.scoreProperties.group).toBeUndefined();
  });

  it('sections that can be empty default to empty', () => {
    const mapping = loadMappingFromText(hubspotMapping(), FILE);
    expect(mapping).toMatchObject({ custom: {}, rollups: [], engagements: {} });
  });
});

describe('mapping errors name the file, the line and the path', () => {
  it('a missing file', async () => {
    await expect(loadMapping('mappings/nope.yaml')).rejects.toThrow(
      'mappings/nope.yaml: (file): file not found',
    );
  });

  it('YAML syntax', () => {
    const problem = problemOf(hubspotMapping({ fields: '  email: email\n  email: email' }));
    expect(problem).toMatchObject({ file: FILE, line: 5, path: '(yaml)' });
    expect(problem.message).toMatch(/^YAML syntax: Map keys must be unique/);
  });

  it('a key that is not a canonical field, with the field it probably means', () => {
    const error = errorOf(hubspotMapping({ fields: '  email: email\n  jobtitle: jobtitle' }));
    expect(error.code).toBe('MAPPING_INVALID');
    expect(error.message).toBe(
      `${FILE}:5: fields.jobtitle: 'jobtitle' is not a canonical lead field (did you mean jobTitle?); ` +
        'map other properties under custom',
    );
  });

  it('a property name that is not an internal name', () => {
    const problem = problemOf(hubspotMapping({ fields: '  email: email\n  jobTitle: Job Title' }));
    expect(problem).toMatchObject({ line: 5, path: 'fields.jobTitle' });
    expect(problem.message).toBe(
      `expected a CRM property's internal name like numemployees or Account.Industry, got "Job Title"`,
    );
  });

  it('an unknown activity type in a rollup', () => {
    const extra = yaml`
      rollups:
        - { type: page_view, count: hs_analytics_num_page_views }
        - { type: webinar, count: webinars }
    `.replace(/\n$/, '');
    const problem = problemOf(hubspotMapping({ extra }));
    expect(problem).toMatchObject({ line: 7, path: 'rollups[1].type' });
    expect(problem.message).toMatch(/^expected one of "page_view", .*, got "webinar"$/);
  });

  it('a rollup without a count', () => {
    const extra = 'rollups:\n  - { type: email_open, last: hs_email_last_open_date }';
    expect(problemOf(hubspotMapping({ extra }))).toMatchObject({
      line: 6,
      path: 'rollups[0].count',
      message: 'required: expected string',
    });
  });

  it('an engagement with a misspelt key', () => {
    const extra =
      'engagements:\n  calls: { type: call, at: hs_timestamp, whne: { hs_call_direction: INBOUND } }';
    expect(problemOf(hubspotMapping({ extra }))).toMatchObject({
      line: 6,
      path: 'engagements.calls',
      message: "unknown key 'whne'",
    });
  });

  it('an engagement list names the entry at fault', () => {
    const extra =
      'engagements:\n  calls:\n    - { type: call, at: hs_timestamp }\n    - { type: cal, at: hs_timestamp }';
    const problem = problemOf(hubspotMapping({ extra }));
    expect(problem).toMatchObject({ line: 8, path: 'engagements.calls[1].type' });
    expect(problem.message).toMatch(/^expected one of "page_view", .*, got "cal"$/);
  });

  it('an empty engagement list, or something that is no mapping at all', () => {
    expect(problemOf(hubspotMapping({ extra: 'engagements:\n  calls: []' }))).toMatchObject({
      path: 'engagements.calls',
      message: 'an empty list: give at least one mapping, or leave the object out',
    });
    expect(problemOf(hubspotMapping({ extra: 'engagements:\n  calls: call' }))).toMatchObject({
      path: 'engagements.calls',
      message: 'expected an engagement mapping or a list of them',
    });
  });

  it('an unknown top-level key', () => {
    expect(problemOf(hubspotMapping({ extra: 'rollup: []' }))).toMatchObject({
      line: 5,
      path: '(root)',
      message: "unknown key 'rollup'",
    });
  });

  it('two score values written to the same property', () => {
    const text = hubspotMapping().replace('fit: leadscore_fit', 'fit: leadscore_score');
    expect(problemOf(text)).toMatchObject({
      line: 9,
      path: 'scoreProperties.fit',
      message: 'leadscore_score already holds score; every score value needs its own property',
    });
  });

  it('a HubSpot mapping without the property group setup creates', () => {
    const text = hubspotMapping().replace('  group: leadscore\n', '');
    // No line holds the missing key: the problem points at the first line of the section.
    expect(problemOf(text)).toMatchObject({
      line: 6,
      path: 'scoreProperties.group',
      message: 'required for hubspot: setup creates the score properties in this property group',
    });
  });

  it('a CRM leadscore has no connector for', () => {
    const problem = problemOf(hubspotMapping().replace('crm: hubspot', 'crm: pipedrive'));
    expect(problem).toMatchObject({
      line: 1,
      path: 'crm',
      message: 'expected one of "hubspot", "salesforce", got "pipedrive"',
    });
  });
});
