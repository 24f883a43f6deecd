import { describe, expect, it } from '@jest/globals';
import { getTasks } from 'node-cron';
import { nextRuns } from '../../../src/cli/next-runs.js';

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());
const NOW = new Date('2026-01-15T09:07:30.000Z');

describe('nextRuns', () => {
  it('gives the next quarter hours for */15 in UTC', () => {
    expect(iso(nextRuns('*/15 * * * *', 'UTC', NOW))).toEqual([
      '2026-01-15T09:15:00.000Z',
      '2026-01-15T09:30:00.000Z',
      '2026-01-15T09:45:00.000Z',
    ]);
  });

  it('runs 03:00 in Europe/Berlin at 02:00Z in winter', () => {
    expect(iso(nextRuns('0 3 * * *', 'Europe/Berlin', NOW, { count: 2 }))).toEqual([
      '2026-01-16T02:00:00.000Z',
      '2026-01-17T02:00:00.000Z',
    ]);
  });

  it('runs 03:00 in Europe/Berlin at 01:00Z in summer', () => {
    const july = new Date('2026-07-01T12:00:00.000Z');
    expect(iso(nextRuns('0 3 * * *', 'Europe/Berlin', july, { count: 1 }))).toEqual([
      '2026-07-02T01:00:00.000Z',
    ]);
  });

  it('does not count a run at exactly now', () => {
    const quarter = new Date('2026-01-15T09:15:00.000Z');
    expect(iso(nextRuns('*/15 * * * *', 'UTC', quarter, { count: 1 }))).toEqual(['2026-01-15T09:30:00.000Z']);
  });

  it("finds the same runs minute by minute as with node-cron's walker", () => {
    for (const [cron, zone] of [
      ['*/15 * * * *', 'UTC'],
      ['0 3 * * *', 'Europe/Berlin'],
      ['30 2 * * 1', 'America/New_York'],
      ['15 */10 * * * *', 'UTC'],
    ] as const) {
      expect(iso(nextRuns(cron, zone, NOW, { byMinute: true }))).toEqual(iso(nextRuns(cron, zone, NOW)));
    }
  });

  it('shows no run for a schedule that fires not once within a year', () => {
    expect(nextRuns('0 0 29 2 *', 'UTC', new Date('2028-03-01T00:00:00.000Z'))).toEqual([]);
  });

  it('leaves no task registered with node-cron', () => {
    const before = getTasks().size;
    nextRuns('*/5 * * * *', 'UTC', NOW);
    expect(getTasks().size).toBe(before);
  });
});
