import { describe, expect, it } from '@jest/globals';
import { crmHistoryTable } from '../../../src/cli/crm-history-table.js';
import { measuredHistory } from '../../../src/cli/history-moments.js';
import type { HistoryRecord } from '../../../src/connector/crm-adapter.js';
import type { Activity } from '../../../src/model/activity.js';
import type { Lead } from '../../../src/model/lead.js';

const DAY = 86_400_000;
const NOW = new Date('2026-06-15T00:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);
const meeting = (at: Date): Activity => ({ type: 'meeting', at });

function lead(id: string, createdDaysAgo: number, activities: Activity[] = []): Lead {
  return {
    ref: { crm: 'salesforce', object: 'Lead', id },
    jobTitle: 'VP Sales',
    createdAt: daysAgo(createdDaysAgo),
    activities,
  };
}

describe('when each record of a CRM history is measured', () => {
  it('a record with an outcome time is measured then', () => {
    const [row] = measuredHistory([{ lead: lead('a', 100), converted: true, outcomeAt: daysAgo(70) }], NOW);
    expect(row).toEqual({ lead: expect.anything(), converted: true, asOf: daysAgo(70) });
  });

  it('one without is measured at the age the converted ones typically reached their outcome (the median)', () => {
    const records: HistoryRecord[] = [
      { lead: lead('a', 100), converted: true, outcomeAt: daysAgo(90) }, // 10 days old
      { lead: lead('b', 100), converted: true, outcomeAt: daysAgo(80) }, // 20 days old
      { lead: lead('c', 100), converted: true, outcomeAt: daysAgo(40) }, // 60 days old
      { lead: lead('old', 300), converted: false },
      { lead: lead('young', 5), converted: false },
      { lead: lead('open deal', 200) },
    ];
    const asOf = measuredHistory(records, NOW).map((row) => row.asOf);
    expect(asOf.slice(3)).toEqual([daysAgo(280), NOW, daysAgo(180)]);
  });

  it('without outcome times (a lifecycle-stage history) everything is measured now', () => {
    const rows = measuredHistory([{ lead: lead('a', 100), converted: false }], NOW);
    expect(rows[0]!.asOf).toEqual(NOW);
  });
});

describe('a CRM history as a training table', () => {
  it('counts only the activities up to each row’s moment and measures recency from it', () => {
    const converted = lead('won', 100, [meeting(daysAgo(95)), meeting(daysAgo(30))]);
    const table = crmHistoryTable(
      'sf',
      [
        { lead: converted, converted: true, asOf: daysAgo(90) },
        { lead: lead('lost', 100, [meeting(daysAgo(50))]), converted: false, asOf: NOW },
        { lead: lead('open', 100), asOf: NOW },
      ],
      'converted',
    );
    const column = (name: string) => table.cells[table.columns.indexOf(name)];
    expect(column('meeting.count')).toEqual(['1', '1', '0']);
    expect(column('days_since_last_activity')).toEqual(['5', '50', undefined]);
    expect(column('converted')).toEqual(['1', '0', undefined]);
    expect(table.columns.at(-1)).toBe('converted');
    expect(table.roles.get('meeting.count')).toBe('activity_count');
    expect(table.roles.get('days_since_last_activity')).toBe('recency');
  });
});
