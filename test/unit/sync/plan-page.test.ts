import { beforeAll, describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import type { Activity } from '../../../src/model/activity.js';
import type { Lead, Status } from '../../../src/model/lead.js';
import type { CompiledModel } from '../../../src/scoring/compile-model.js';
import { loadModel } from '../../../src/scoring/load-model.js';
import type { LeadMark } from '../../../src/state/index.js';
import { planPage, transitionKey, withheldUpdate } from '../../../src/sync/plan-page.js';
import type { PlanContext } from '../../../src/sync/plan-page.js';

const NOW = new Date('2026-11-21T09:00:00Z');
const DAY = 86_400_000;
let model: CompiledModel;
let ctx: PlanContext;

beforeAll(async () => {
  const file = fileURLToPath(new URL('../../../config/examples/points-table.yaml', import.meta.url));
  model = (await loadModel(file)).compiled;
  ctx = {
    connector: 'hubspot',
    model,
    hysteresis: 10,
    salesFeedback: {
      accepted: { leadStatus: ['CONNECTED'], lifecycleStage: [] },
      rejected: { leadStatus: ['UNQUALIFIED'], lifecycleStage: [] },
    },
    now: NOW,
  };
});

const clicks = (n: number): Activity[] =>
  Array.from({ length: n }, (_, i) => ({ type: 'email_click', at: new Date(NOW.getTime() - (i + 1) * DAY) }));

function lead(
  id: string,
  activities: Activity[],
  current?: { score: number; status: Status; reasons?: string },
  extra: Partial<Lead> = {},
): Lead {
  return {
    ref: { crm: 'hubspot', object: 'contact', id },
    activities,
    ...(current
      ? {
          current: {
            ...current,
            fit: 0,
            engagement: current.score,
            grade: 'D',
            reasons: current.reasons ?? '',
            model: model.ref,
          },
        }
      : {}),
    ...extra,
  };
}

describe('planPage', () => {
  it('a never-scored lead at the threshold becomes an mql with a transition keyed by record, episode and model', () => {
    const [plan] = planPage(ctx, [lead('7', clicks(6))], new Map()).leads;
    expect(plan!.values).toMatchObject({ score: 60, status: 'mql' });
    expect(plan!.transition?.key).toBe(`hubspot:contact:7:mql:0:${model.ref}`);
    expect(plan!.changed).toBe(true);
  });

  it('a lead the CRM already shows as mql is no new transition', () => {
    const scored = planPage(ctx, [lead('7', clicks(6))], new Map()).leads[0]!;
    const [plan] = planPage(
      ctx,
      [lead('7', clicks(6), { score: 60, status: 'mql', reasons: scored.values.reasons })],
      new Map(),
    ).leads;
    expect(plan!.transition).toBeUndefined();
    expect(plan!.changed).toBe(false);
  });

  it('an mql one point inside the hysteresis band stays mql and says why in the reasons', () => {
    const [plan] = planPage(ctx, [lead('7', clicks(5), { score: 60, status: 'mql' })], new Map()).leads;
    expect(plan!.values.score).toBe(50);
    expect(plan!.values.status).toBe('mql');
    expect(plan!.values.reasons.startsWith('MQL kept')).toBe(true);
  });

  it('an mql falling below threshold − hysteresis is demoted and its mark starts a new episode', () => {
    const page = planPage(ctx, [lead('7', clicks(4), { score: 60, status: 'mql' })], new Map());
    expect(page.leads[0]!.values.status).toBe('nurture');
    expect(page.markUpdates).toEqual([{ recordId: '7', episodeStart: NOW }]);
  });

  it('requalifying after a demotion is a new transition with a new key', () => {
    const mark: LeadMark = {
      recordId: '7',
      episodeStart: new Date(NOW.getTime() - 10 * DAY),
      updatedAt: NOW,
    };
    const [plan] = planPage(
      ctx,
      [lead('7', clicks(6), { score: 40, status: 'nurture' })],
      new Map([['7', mark]]),
    ).leads;
    expect(plan!.transition?.key).toBe(
      transitionKey('hubspot', lead('7', []), mark.episodeStart!.getTime(), model.ref),
    );
  });

  it('sales rejecting a lead is written as sales_rejected, whatever the score', () => {
    const [plan] = planPage(
      ctx,
      [lead('7', clicks(6), { score: 60, status: 'mql' }, { leadStatus: 'UNQUALIFIED' })],
      new Map(),
    ).leads;
    expect(plan!.values.status).toBe('sales_rejected');
    expect(plan!.transition).toBeUndefined();
  });

  it('a withheld update keeps the status the CRM shows, so an incomplete handoff is tried again', () => {
    const [plan] = planPage(ctx, [lead('7', clicks(6), { score: 40, status: 'nurture' })], new Map()).leads;
    expect(withheldUpdate(plan!).values).toMatchObject({ score: 60, status: 'nurture' });
    const [fresh] = planPage(ctx, [lead('8', clicks(6))], new Map()).leads;
    expect(withheldUpdate(fresh!).values.status).toBe('nurture');
  });
});
