import { describe, expect, it } from '@jest/globals';
import type { Activity, ActivityType } from '../../../src/model/activity.js';
import type { LeadMark } from '../../../src/state/lead-mark-store.js';
import { decideLifecycle } from '../../../src/sync/status-lifecycle.js';
import type { LifecycleInput, SalesFeedbackRules } from '../../../src/sync/status-lifecycle.js';

const NOW = new Date('2026-11-21T09:00:00Z');
const REJECTED_AT = new Date('2026-11-01T09:00:00Z');
const DEMOTED_AT = new Date('2026-10-15T09:00:00Z');

const rules: SalesFeedbackRules = {
  accepted: {
    leadStatus: ['CONNECTED', 'IN_PROGRESS'],
    lifecycleStage: ['salesqualifiedlead', 'opportunity'],
  },
  rejected: { leadStatus: ['UNQUALIFIED', 'BAD_TIMING'], lifecycleStage: ['other'] },
};

const mql = (score = 72) => ({ status: 'mql', score }) as const;
const nurture = (score = 30) => ({ status: 'nurture', score }) as const;
const disqualified = (score = 30) => ({ status: 'disqualified', score }) as const;

const rejectedMark: LeadMark = {
  recordId: '101',
  rejectedAt: REJECTED_AT,
  episodeStart: REJECTED_AT,
  updatedAt: REJECTED_AT,
};
const demotedMark: LeadMark = { recordId: '101', episodeStart: DEMOTED_AT, updatedAt: DEMOTED_AT };

function at(date: Date, deltaMs: number): Date {
  return new Date(date.getTime() + deltaMs);
}

function activity(type: ActivityType, when: Date): Activity {
  return { type, at: when };
}

type Overrides = Omit<Partial<LifecycleInput>, 'lead'> & { lead?: Partial<LifecycleInput['lead']> };

/** Threshold 60, hysteresis 10, no sales signal, no mark, never scored, unless overridden. */
function decide({ lead, ...rest }: Overrides = {}) {
  return decideLifecycle({
    engine: nurture(),
    threshold: 60,
    hysteresis: 10,
    lead: { ref: { id: '101' }, activities: [], ...lead },
    rules,
    now: NOW,
    ...rest,
  });
}

describe('the sales signal', () => {
  it('is accepted when the lead status is an accepted one', () =>
    expect(decide({ lead: { leadStatus: 'CONNECTED' } }).status).toBe('sales_accepted'));

  it('is accepted when the lifecycle stage is an accepted one', () =>
    expect(decide({ lead: { lifecycleStage: 'opportunity' } }).status).toBe('sales_accepted'));

  it('is rejected when the lead status is a rejected one', () =>
    expect(decide({ lead: { leadStatus: 'UNQUALIFIED' } }).status).toBe('sales_rejected'));

  it('is rejected when the lifecycle stage is a rejected one', () =>
    expect(decide({ lead: { lifecycleStage: 'other' } }).status).toBe('sales_rejected'));

  it('compares lead statuses case-insensitively', () =>
    expect(decide({ lead: { leadStatus: 'Bad_Timing' } }).status).toBe('sales_rejected'));

  it('compares lifecycle stages case-insensitively', () =>
    expect(decide({ lead: { lifecycleStage: 'SalesQualifiedLead' } }).status).toBe('sales_accepted'));

  it('is accepted when one field says accepted and the other rejected', () =>
    expect(decide({ lead: { leadStatus: 'UNQUALIFIED', lifecycleStage: 'opportunity' } }).status).toBe(
      'sales_accepted',
    ));

  it('is none for values in neither list: the engine decides', () =>
    expect(decide({ engine: mql(), lead: { leadStatus: 'NEW', lifecycleStage: 'lead' } }).status).toBe(
      'mql',
    ));

  it('is none for a lead with neither field', () => expect(decide({ engine: mql() }).status).toBe('mql'));
});

describe('a lead sales accepted', () => {
  it.each([mql(), nurture(), disqualified()])(
    'is sales_accepted whatever the engine says ($status)',
    (engine) => expect(decide({ engine, lead: { leadStatus: 'CONNECTED' } }).status).toBe('sales_accepted'),
  );

  it('is never handed off, not even when never scored and the engine says mql', () =>
    expect(decide({ engine: mql(), lead: { leadStatus: 'CONNECTED' } }).becameMql).toBe(false));

  it('explains the override, naming the field and the lead’s value', () =>
    expect(decide({ lead: { lifecycleStage: 'Opportunity' } }).note).toBe(
      'Sales accepted (lifecycle stage Opportunity)',
    ));

  it('clears a rejection left from before, so that a later rejection counts from its own moment', () =>
    expect(decide({ lead: { leadStatus: 'CONNECTED' }, mark: rejectedMark }).markUpdate).toEqual({
      recordId: '101',
      rejectedAt: null,
    }));

  it('changes no mark when there is no rejection to clear', () =>
    expect(decide({ lead: { leadStatus: 'CONNECTED' }, mark: demotedMark }).markUpdate).toBeUndefined());

  it('keeps the episode of the mark', () =>
    expect(decide({ lead: { leadStatus: 'CONNECTED' }, mark: demotedMark }).episode).toBe(
      DEMOTED_AT.getTime(),
    ));
});

describe('a lead sales rejected', () => {
  const rejected = { leadStatus: 'UNQUALIFIED' };

  it('is sales_rejected, explaining why', () =>
    expect(decide({ engine: mql(), current: 'mql', lead: rejected, mark: rejectedMark })).toEqual({
      status: 'sales_rejected',
      becameMql: false,
      episode: REJECTED_AT.getTime(),
      note: 'Sales rejected (lead status UNQUALIFIED)',
    }));

  it('when first seen, marks the rejection and a new episode at now', () => {
    const decision = decide({ current: 'mql', lead: rejected });
    expect(decision.markUpdate).toEqual({ recordId: '101', rejectedAt: NOW, episodeStart: NOW });
    expect(decision.episode).toBe(NOW.getTime());
  });

  it('when first seen, does not count engagement from before now', () =>
    expect(
      decide({ engine: mql(), lead: { ...rejected, activities: [activity('demo_request', at(NOW, -1))] } })
        .status,
    ).toBe('sales_rejected'));

  it('keeps the rejection it has marked, changing no mark', () =>
    expect(decide({ lead: rejected, mark: rejectedMark }).markUpdate).toBeUndefined());

  it('stays rejected when the engine says mql but the lead has not engaged since', () =>
    expect(
      decide({ engine: mql(), current: 'sales_rejected', lead: rejected, mark: rejectedMark }).status,
    ).toBe('sales_rejected'));

  it('does not count an activity exactly at the rejection', () => {
    const activities = [activity('demo_request', REJECTED_AT)];
    expect(decide({ engine: mql(), lead: { ...rejected, activities }, mark: rejectedMark }).status).toBe(
      'sales_rejected',
    );
  });

  it('is an mql again, handed off in the rejection’s episode, when the engine says mql and it engaged 1 ms after', () => {
    const activities = [activity('page_view', at(REJECTED_AT, 1))];
    expect(
      decide({
        engine: mql(),
        current: 'sales_rejected',
        lead: { ...rejected, activities },
        mark: rejectedMark,
      }),
    ).toEqual({ status: 'mql', becameMql: true, episode: REJECTED_AT.getTime() });
  });

  it.each(['email_bounce', 'unsubscribe'] as const)(
    'does not count %s after the rejection as engagement',
    (type) => {
      const activities = [activity(type, at(REJECTED_AT, 1))];
      expect(decide({ engine: mql(), lead: { ...rejected, activities }, mark: rejectedMark }).status).toBe(
        'sales_rejected',
      );
    },
  );

  it.each([nurture(), disqualified()])(
    'stays rejected after engaging when the engine says $status',
    (engine) => {
      const activities = [activity('demo_request', at(REJECTED_AT, 1))];
      expect(
        decide({ engine, current: 'mql', lead: { ...rejected, activities }, mark: rejectedMark }).status,
      ).toBe('sales_rejected');
    },
  );

  it('is not handed off again while it stays an mql after engaging', () => {
    const activities = [activity('demo_request', at(REJECTED_AT, 1))];
    const decision = decide({
      engine: mql(),
      current: 'mql',
      lead: { ...rejected, activities },
      mark: rejectedMark,
    });
    expect(decision).toMatchObject({ status: 'mql', becameMql: false });
  });

  it('sets episodeStart to the rejection when a mark says otherwise', () => {
    const mark = { ...rejectedMark, episodeStart: DEMOTED_AT };
    const decision = decide({ lead: rejected, mark });
    expect(decision.markUpdate).toEqual({ recordId: '101', episodeStart: REJECTED_AT });
    expect(decision.episode).toBe(REJECTED_AT.getTime());
  });
});

describe('a lead sales has not decided on', () => {
  it('is disqualified when the engine says so', () =>
    expect(decide({ engine: disqualified(), current: 'nurture' }).status).toBe('disqualified'));

  it('is nurture when the engine says so and it was not an mql', () =>
    expect(decide({ engine: nurture(55), current: 'nurture' }).status).toBe('nurture'));

  it('becomes an mql, in the first episode, when never scored and the engine says mql', () =>
    expect(decide({ engine: mql() })).toEqual({ status: 'mql', becameMql: true, episode: 0 }));

  it('becomes an mql when it was nurture and the engine says mql', () =>
    expect(decide({ engine: mql(), current: 'nurture' }).becameMql).toBe(true));

  it('is not handed off again when it was an mql already', () =>
    expect(decide({ engine: mql(), current: 'mql' })).toMatchObject({ status: 'mql', becameMql: false }));

  it('is handed off in the episode its last demotion started', () =>
    expect(decide({ engine: mql(), current: 'nurture', mark: demotedMark }).episode).toBe(
      DEMOTED_AT.getTime(),
    ));

  it('gives no note when the engine’s status stands', () =>
    expect(decide({ engine: mql(), current: 'nurture' }).note).toBeUndefined());

  describe('hysteresis', () => {
    it('keeps an mql whose score is exactly threshold − hysteresis, explaining why', () =>
      expect(decide({ engine: nurture(50), current: 'mql' })).toEqual({
        status: 'mql',
        becameMql: false,
        episode: 0,
        note: 'MQL kept: 50 ≥ 60 − 10 (hysteresis)',
      }));

    it('drops an mql one point below threshold − hysteresis to nurture', () =>
      expect(decide({ engine: nurture(49), current: 'mql' }).status).toBe('nurture'));

    it('does not lift a nurture lead within the band to mql', () =>
      expect(decide({ engine: nurture(55), current: 'nurture' }).status).toBe('nurture'));

    it('does not hold a lead the engine disqualifies', () =>
      expect(decide({ engine: disqualified(80), current: 'mql' }).status).toBe('disqualified'));

    it('drops an mql as soon as the engine says nurture when hysteresis is 0', () =>
      expect(decide({ engine: nurture(59), current: 'mql', hysteresis: 0 }).status).toBe('nurture'));
  });

  describe('a demotion from mql', () => {
    it.each([nurture(), disqualified()])('to $status starts a new episode at now', (engine) => {
      const decision = decide({ engine, current: 'mql', mark: demotedMark });
      expect(decision.markUpdate).toEqual({ recordId: '101', episodeStart: NOW });
      expect(decision.episode).toBe(NOW.getTime());
    });

    it('makes requalifying later a new handoff episode', () => {
      const demotion = decide({ engine: nurture(), current: 'mql' });
      const mark: LeadMark = {
        recordId: '101',
        episodeStart: demotion.markUpdate?.episodeStart,
        updatedAt: NOW,
      };
      const later = at(NOW, 86_400_000);
      expect(decide({ engine: mql(), current: 'nurture', mark, now: later })).toEqual({
        status: 'mql',
        becameMql: true,
        episode: NOW.getTime(),
      });
    });

    it('leaves the episode alone when a lead that was not an mql drops further', () =>
      expect(decide({ engine: disqualified(), current: 'nurture' }).markUpdate).toBeUndefined());
  });

  describe('after sales moved a rejected lead back', () => {
    it('clears the rejection, keeping the episode', () => {
      const decision = decide({ engine: nurture(), current: 'sales_rejected', mark: rejectedMark });
      expect(decision.markUpdate).toEqual({ recordId: '101', rejectedAt: null });
      expect(decision.episode).toBe(REJECTED_AT.getTime());
    });

    it('is an mql handed off in the rejection’s episode when the engine says mql', () =>
      expect(decide({ engine: mql(), current: 'sales_rejected', mark: rejectedMark })).toEqual({
        status: 'mql',
        becameMql: true,
        episode: REJECTED_AT.getTime(),
        markUpdate: { recordId: '101', rejectedAt: null },
      }));

    it('clears the rejection and starts a new episode in one update when it drops from mql', () =>
      expect(decide({ engine: nurture(), current: 'mql', mark: rejectedMark }).markUpdate).toEqual({
        recordId: '101',
        rejectedAt: null,
        episodeStart: NOW,
      }));
  });
});
