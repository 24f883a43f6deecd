import { describe, expect, it } from '@jest/globals';
import {
  parseSalesforceHandoffConfig,
  salesforceActionEnabled,
} from '../../../connectors/salesforce/handoff-config.js';
import { planLeadStatus } from '../../../connectors/salesforce/handoff-lead-updates.js';
import { carriesTransition, ownerTaskPlan } from '../../../connectors/salesforce/handoff-task.js';
import type { Transition } from '../../../src/connector/crm-adapter.js';

const SECRET_URL = 'ftp://hooks.example.com/services/T0/B0/s3cr3t-token';

function errorOf(input: unknown): { code?: string; message: string } {
  try {
    parseSalesforceHandoffConfig(input);
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error('expected the configuration to be rejected');
}

describe('Salesforce handoff configuration', () => {
  it('a present section switches its action on with defaults; an absent one leaves it off', () => {
    const config = parseSalesforceHandoffConfig({
      lead_status: {},
      assignment: {},
      owner_task: {},
      flow: { name: 'LeadScore_MQL_Handoff' },
    });

    expect(config).toEqual({
      lead_status: { enabled: true, value: 'Working - Contacted', preserve: [] },
      assignment: { enabled: true, rule: 'default' },
      owner_task: {
        enabled: true,
        subject: 'MQL: {name} scored {score}',
        dueInDays: 1,
        priority: 'High',
        status: 'Not Started',
      },
      flow: {
        enabled: true,
        name: 'LeadScore_MQL_Handoff',
        inputs: { recordId: 'recordId', score: 'score', grade: 'grade', reasons: 'reasons' },
      },
    });
    expect(salesforceActionEnabled(config, 'webhook')).toBe(false);
    expect(
      salesforceActionEnabled(parseSalesforceHandoffConfig({ assignment: { enabled: false } }), 'assignment'),
    ).toBe(false);
  });

  it('takes an assignment rule by its AssignmentRule id, 15 or 18 characters, and keeps it as 18', () => {
    expect(parseSalesforceHandoffConfig({ assignment: { rule: '01Q5g0000000001' } }).assignment?.rule).toBe(
      '01Q5g0000000001EAA',
    );
    for (const rule of ['01Q5g0000000001AAB', '00Q5g0000000001EAA', 'round-robin']) {
      expect(errorOf({ assignment: { rule } }).message).toBe(
        'salesforce: invalid handoff configuration: assignment.rule: must be "default" or an AssignmentRule id (01Q…, 15 or 18 characters)',
      );
    }
  });

  it('needs a flow API name and inputs from known transition values', () => {
    expect(errorOf({ flow: {} }).message).toContain('flow.name');
    expect(errorOf({ flow: { name: 'LeadScore MQL' } }).message).toContain('flow.name: must be an API name');
    expect(errorOf({ flow: { name: 'X', inputs: {} } }).message).toContain(
      'flow.inputs: needs at least one input',
    );
    expect(errorOf({ flow: { name: 'X', inputs: { recordId: 'leadId' } } }).message).toContain(
      'flow.inputs.recordId',
    );
  });

  it('takes a custom field as the flow confirmation field when an input carries the transition key', () => {
    const inputs = { recordId: 'recordId', key: 'transitionKey' } as const;
    const config = parseSalesforceHandoffConfig({
      flow: { name: 'X', inputs, confirmField: 'LeadScore_Handoff_Key__c' },
    });
    expect(config.flow?.confirmField).toBe('LeadScore_Handoff_Key__c');
    expect(
      errorOf({
        flow: { name: 'X', inputs: { recordId: 'recordId' }, confirmField: 'LeadScore_Handoff_Key__c' },
      }).message,
    ).toContain('flow.confirmField: confirmField needs an input variable given transitionKey');
    expect(errorOf({ flow: { name: 'X', inputs, confirmField: 'Description' } }).message).toContain(
      'flow.confirmField: must be a custom field API name ending in __c',
    );
  });

  it('rejects unknown keys, unknown placeholders and values Salesforce would refuse, naming the path', () => {
    expect(errorOf({ lead_status: { valeu: 'x' } }).message).toContain('lead_status');
    expect(errorOf({ owner_task: { subject: 'MQL {nmae}' } }).message).toContain('owner_task.subject');
    expect(errorOf({ owner_task: { priority: 'HIGH' } }).message).toContain('owner_task.priority');
    expect(errorOf({ owner_task: { dueInDays: 1.5 } }).message).toContain('owner_task.dueInDays');
    expect(errorOf({ workflow: {} }).message).toContain('Unrecognized key: "workflow"');
  });

  it('needs an http(s) webhook URL and never echoes it', () => {
    const error = errorOf({ webhook: { url: SECRET_URL } });
    expect(error.code).toBe('CONNECTOR_CONFIG');
    expect(error.message).toContain('webhook.url');
    expect(error.message).not.toContain('s3cr3t');
  });
});

describe('lead status plan', () => {
  const config = parseSalesforceHandoffConfig({
    lead_status: { preserve: ['Closed - Not Converted'] },
  }).lead_status!;

  it('writes the configured status unless the lead has it or a preserved one', () => {
    expect(planLeadStatus(undefined, config)).toEqual({
      write: 'Working - Contacted',
      done: 'Status set to Working - Contacted (was empty)',
    });
    expect(planLeadStatus('Open - Not Contacted', config)).toMatchObject({ write: 'Working - Contacted' });
    expect(planLeadStatus('Working - Contacted', config)).toEqual({ skip: 'already Working - Contacted' });
    expect(planLeadStatus('Closed - Not Converted', config)).toEqual({
      skip: 'left at Closed - Not Converted (preserved by configuration)',
    });
  });
});

describe('owner task plan', () => {
  const transition: Transition = {
    key: 'salesforce:Lead:00Q5g0000000001AAA:mql:1:b2b-default@3',
    ref: { crm: 'salesforce', object: 'Lead', id: '00Q5g0000000001AAA' },
    kind: 'became_mql',
    model: 'b2b-default@3',
    score: 87,
    grade: 'A',
    reasons: '+30 Demo request',
    at: new Date('2026-06-15T23:30:00.000Z'),
  };
  const config = parseSalesforceHandoffConfig({
    owner_task: { subject: '{name} {email} {grade} {model} '.repeat(8), dueInDays: 3 },
  }).owner_task!;

  it('cuts the subject to 255 characters, dates the task in UTC days, and leaves a queue-owned lead’s task unowned', () => {
    const plan = ownerTaskPlan(config, transition, undefined, '00G5g000000Queue', transition.at);
    expect(String(plan.record.Subject)).toHaveLength(255);
    expect(String(plan.record.Subject)).toMatch(/^lead 00Q5g0000000001AAA {2}A b2b-default@3/);
    expect(plan.record).toMatchObject({ ActivityDate: '2026-06-18', WhoId: '00Q5g0000000001AAA' });
    expect(plan.record).not.toHaveProperty('OwnerId');
    expect(plan.summary).toBe(
      'for the integration user (the owner 00G5g000000Queue is not a user), due 2026-06-18',
    );
  });

  it('finds the transition line in a Description, not a longer key that starts with it', () => {
    const carries = carriesTransition('salesforce:Lead:1:mql:1:m@3');
    expect(carries('reasons\n\nleadscore transition salesforce:Lead:1:mql:1:m@3')).toBe(true);
    expect(carries('leadscore transition salesforce:Lead:1:mql:1:m@3\r\nedited by a rep')).toBe(true);
    expect(carries('leadscore transition salesforce:Lead:1:mql:1:m@30')).toBe(false);
  });
});
