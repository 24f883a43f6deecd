import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { SyncReport } from '../../../src/sync/sync-types.js';
import type { Harness } from './sync-harness.js';
import { differences, instantClock, mqlIds, sortedIds, syncedState, tasksPerContact } from './final-state.js';

// The scheduler's waits (backoff after a 5xx or a dropped connection, 10 s after a rate-limit 429) pass at
// once: the run makes the same decisions in seconds instead of minutes.
jest.unstable_mockModule('../../../src/http/clock.js', () => ({ systemClock: instantClock() }));
const { startHarness } = await import('./sync-harness.js');

const CONTACTS = 2000;
const SEED = 23;
const NOW = new Date('2026-06-15T12:00:00.000Z');
const now = () => NOW;
const FAULTS = { tooManyRequests: 0.1, serverErrors: 0.05, dropConnection: 0.02, seed: 7 };

let reference: Harness;
let faulty: Harness;
let report: SyncReport;

beforeAll(async () => {
  const sandbox = { contacts: CONTACTS, seed: SEED, limits: { perTenSeconds: 1_000_000 }, now };
  [reference, faulty] = await Promise.all([startHarness({ sandbox, now }), startHarness({ sandbox, now })]);
  faulty.sandbox.setFaults(FAULTS);
  faulty.sandbox.resetStats();
  [, report] = await Promise.all([reference.sync({ kind: 'full' }), faulty.sync({ kind: 'full' })]);
}, 120_000);

afterAll(async () => {
  await Promise.all([reference?.close(), faulty?.close()]);
});

describe('a full sync under 10 % 429s, 5 % 5xx and 2 % dropped connections', () => {
  it('meets every kind of fault on the way and completes', () => {
    const stats = faulty.sandbox.stats();
    expect(stats.tooManyRequests).toBeGreaterThan(0);
    expect(stats.dropped).toBeGreaterThan(0);
    expect([500, 502, 503, 504].some((status) => (stats.statuses[status] ?? 0) > 0)).toBe(true);
    expect(report.status).toBe('ok');
    expect(report.counts.read).toBe(CONTACTS);
  });

  it('leaves every contact with the same score properties, lifecycle stage and lead status as without faults', () => {
    const diff = differences(syncedState(faulty.sandbox), syncedState(reference.sandbox));
    expect(diff).toEqual({ count: 0, first: [] });
  });

  it('hands every MQL off exactly once: one owner task per MQL contact, as without faults', () => {
    const tasks = tasksPerContact(faulty.sandbox);
    expect([...tasks].filter(([, count]) => count > 1)).toEqual([]);
    expect(sortedIds(tasks.keys())).toEqual(mqlIds(faulty.sandbox));
    expect(sortedIds(tasks.keys())).toEqual(sortedIds(tasksPerContact(reference.sandbox).keys()));
    expect(mqlIds(reference.sandbox).length).toBeGreaterThan(0);
  });
});
