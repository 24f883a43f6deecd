import { describe, expect, it } from '@jest/globals';
import {
  DEFAULT_LIFECYCLE_ORDER,
  actionEnabled,
  parseHubSpotHandoffConfig,
} from '../../../connectors/hubspot/handoff-config.js';
import { planLeadStatus, planLifecycleStage } from '../../../connectors/hubspot/handoff-property-plan.js';
import { renderTemplate, unknownPlaceholders } from '../../../src/connector/handoff-template.js';

const SECRET_URL = 'ftp://hooks.example.com/services/T0/B0/s3cr3t-token';

function errorOf(input: unknown): { code?: string; message: string } {
  try {
    parseHubSpotHandoffConfig(input);
  } catch (error) {
    return error as { code?: string; message: string };
  }
  throw new Error('expected the configuration to be rejected');
}

describe('HubSpot handoff configuration', () => {
  it('a present section switches its action on with defaults; an absent one leaves it off', () => {
    const config = parseHubSpotHandoffConfig({ lifecycle_stage: {}, lead_status: {}, owner_task: {} });

    expect(config).toEqual({
      lifecycle_stage: {
        enabled: true,
        stage: 'marketingqualifiedlead',
        order: [...DEFAULT_LIFECYCLE_ORDER],
      },
      lead_status: { enabled: true, value: 'OPEN', preserve: [] },
      owner_task: {
        enabled: true,
        subject: 'MQL: {name} scored {score}',
        dueInHours: 24,
        priority: 'HIGH',
        type: 'TODO',
      },
    });
    expect(actionEnabled(config, 'workflow')).toBe(false);
    expect(
      actionEnabled(
        parseHubSpotHandoffConfig({ webhook: { url: 'https://x.test/h', enabled: false } }),
        'webhook',
      ),
    ).toBe(false);
  });

  it('needs a numeric workflow id and an http(s) webhook URL, and never echoes the URL', () => {
    expect(errorOf({ workflow: {} }).message).toContain('workflow.workflowId');
    expect(errorOf({ workflow: { workflowId: 'abc' } }).message).toContain('must be digits');
    expect(parseHubSpotHandoffConfig({ workflow: { workflowId: 4242 } }).workflow?.workflowId).toBe('4242');

    const error = errorOf({ webhook: { url: SECRET_URL } });
    expect(error.code).toBe('CONNECTOR_CONFIG');
    expect(error.message).toContain('webhook.url');
    expect(error.message).not.toContain('s3cr3t');
  });

  it('rejects unknown keys, unknown subject placeholders and a target stage outside the order', () => {
    expect(errorOf({ lifecycle_stage: { stge: 'x' } }).message).toContain('lifecycle_stage');
    expect(errorOf({ owner_task: { subject: 'MQL {nmae}' } }).message).toContain('owner_task.subject');
    expect(errorOf({ lifecycle_stage: { stage: 'hot' } }).message).toContain('lifecycle_stage.stage');
  });
});

describe('lifecycle stage and lead status plans', () => {
  const lifecycle = parseHubSpotHandoffConfig({ lifecycle_stage: {} }).lifecycle_stage!;

  it.each([
    [undefined, { write: 'marketingqualifiedlead' }],
    ['subscriber', { write: 'marketingqualifiedlead' }],
    ['lead', { write: 'marketingqualifiedlead' }],
    ['marketingqualifiedlead', { skip: 'already marketingqualifiedlead' }],
    ['salesqualifiedlead', { skip: 'already salesqualifiedlead' }],
    ['opportunity', { skip: 'already opportunity' }],
    ['customer', { skip: 'already customer' }],
    ['evangelist', { skip: 'already evangelist' }],
    ['other', { skip: 'left at other: not in the lifecycle order, so never overwritten' }],
    ['1234567', { skip: 'left at 1234567: not in the lifecycle order, so never overwritten' }],
  ])('lifecycle stage %s → %j', (current, expected) => {
    expect(planLifecycleStage(current, lifecycle)).toMatchObject(expected);
  });

  it('a portal with its own stages places them through `order`', () => {
    const custom = parseHubSpotHandoffConfig({
      lifecycle_stage: { order: ['subscriber', 'lead', '1234567', 'marketingqualifiedlead', 'customer'] },
    }).lifecycle_stage!;
    expect(planLifecycleStage('1234567', custom)).toMatchObject({ write: 'marketingqualifiedlead' });
    expect(planLifecycleStage('other', custom)).toHaveProperty('skip');
  });

  it('lead status: written unless already the value or preserved', () => {
    const status = parseHubSpotHandoffConfig({ lead_status: { preserve: ['OPEN_DEAL'] } }).lead_status!;
    expect(planLeadStatus(undefined, status)).toEqual({
      write: 'OPEN',
      done: 'hs_lead_status set to OPEN (was empty)',
    });
    expect(planLeadStatus('UNQUALIFIED', status)).toMatchObject({ write: 'OPEN' });
    expect(planLeadStatus('OPEN', status)).toEqual({ skip: 'already OPEN' });
    expect(planLeadStatus('OPEN_DEAL', status)).toEqual({
      skip: 'left at OPEN_DEAL (preserved by configuration)',
    });
  });
});

describe('task subject template', () => {
  it('fills the known placeholders and names the unknown ones', () => {
    const values = { name: 'Ada Lovelace', score: '87', grade: 'A', model: 'm@1', email: 'ada@example.com' };
    expect(renderTemplate('MQL: {name} scored {score} ({grade})', values)).toBe(
      'MQL: Ada Lovelace scored 87 (A)',
    );
    expect(unknownPlaceholders('{name} {nmae} {}')).toEqual(['nmae', '']);
  });
});
