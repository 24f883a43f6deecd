import { describe, expect, it } from '@jest/globals';
import { fixture, readAll, readCsv } from './read-all.js';

const datesOf = (activities: Array<{ at: Date }>) => activities.map((activity) => activity.at.toISOString());

describe('CSV activity columns', () => {
  it('expands page_view[url=/pricing].count = 3 into three pricing-page views spread between first and last', async () => {
    const { leads } = await readAll(fixture('hubspot-contacts.csv'));
    expect(leads[0]!.activities).toEqual([
      { type: 'page_view', url: '/pricing', at: new Date('2026-03-01T00:00:00Z') },
      { type: 'page_view', url: '/pricing', at: new Date('2026-03-03T06:00:00Z') },
      { type: 'page_view', url: '/pricing', at: new Date('2026-03-05T12:00:00Z') },
    ]);
  });

  it('dates a single activity at .last', async () => {
    const { leads } = await readCsv('id,call.count,call.first,call.last', '1,1,2026-01-01,2026-03-01');
    expect(datesOf(leads[0]!.activities)).toEqual(['2026-03-01T00:00:00.000Z']);
  });

  it('dates every activity at .last when there is no .first', async () => {
    const { leads } = await readCsv('id,email_open.count,email_open.last', '1,2,2026-03-01');
    expect(datesOf(leads[0]!.activities)).toEqual(['2026-03-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z']);
  });

  it("dates activities without a .last date at the row's updatedAt", async () => {
    const { leads } = await readCsv('id,createdAt,updatedAt,meeting.count', '1,2026-01-01,2026-02-01,1');
    expect(datesOf(leads[0]!.activities)).toEqual(['2026-02-01T00:00:00.000Z']);
  });

  it("dates activities without a .last date or updatedAt at the row's createdAt", async () => {
    const { leads } = await readCsv('id,createdAt,meeting.count', '1,2026-01-01,1');
    expect(datesOf(leads[0]!.activities)).toEqual(['2026-01-01T00:00:00.000Z']);
  });

  it('skips activities it cannot date and reports them', async () => {
    const { leads, problems } = await readCsv('id,meeting.count', '1,2');
    expect(leads[0]!.activities).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({
        line: 2,
        recordId: '1',
        field: 'meeting.count',
        code: 'undated_activity',
        message: '2 activities without a date (no .last date, updatedAt or createdAt); skipped',
      }),
    ]);
  });

  it('carries every attribute declared in the header', async () => {
    const { leads } = await readCsv(
      'id,"content_download[assetType=whitepaper, asset=State of B2B].count","content_download[assetType=whitepaper, asset=State of B2B].last"',
      '1,1,2026-03-01',
    );
    expect(leads[0]!.activities).toEqual([
      {
        type: 'content_download',
        assetType: 'whitepaper',
        asset: 'State of B2B',
        at: new Date('2026-03-01T00:00:00Z'),
      },
    ]);
  });

  it('keeps groups with different attributes apart', async () => {
    const { leads } = await readCsv(
      'id,updatedAt,page_view[url=/pricing].count,page_view[url=/blog].count',
      '1,2026-03-01,1,2',
    );
    expect(leads[0]!.activities.map((activity) => activity.url)).toEqual(['/pricing', '/blog', '/blog']);
  });

  it('caps the expansion at 1,000 activities per column group and reports it', async () => {
    const { leads, problems } = await readCsv('id,email_open.count,email_open.last', '1,5000,2026-03-01');
    expect(leads[0]!.activities).toHaveLength(1000);
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'email_open.count',
        code: 'count_capped',
        message: '5000 is more than 1000 activities; expanded to 1000',
      }),
    ]);
  });

  it('treats a count that is not a whole number as 0 and reports it', async () => {
    const { leads, problems } = await readCsv('id,call.count,call.last', '1,three,2026-03-01');
    expect(leads[0]!.activities).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'call.count',
        code: 'invalid_count',
        message: 'expected a whole number of 0 or more, got "three"; treated as 0',
      }),
    ]);
  });

  it('treats an empty count as 0 without a problem', async () => {
    const { leads, problems } = await readCsv('id,call.count,call.last', '1,,2026-03-01');
    expect(leads[0]!.activities).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('reports a .last date it cannot parse and dates the activities as if it were missing', async () => {
    const { leads, problems } = await readCsv(
      'id,updatedAt,call.count,call.last',
      '1,2026-02-01,1,last week',
    );
    expect(datesOf(leads[0]!.activities)).toEqual(['2026-02-01T00:00:00.000Z']);
    expect(problems).toEqual([expect.objectContaining({ field: 'call.last', code: 'invalid_date' })]);
  });

  it('without a .count column, takes one activity at each .first and .last date', async () => {
    const { leads } = await readCsv('id,email_click.first,email_click.last', '1,2026-01-01,2026-03-01');
    expect(datesOf(leads[0]!.activities)).toEqual(['2026-01-01T00:00:00.000Z', '2026-03-01T00:00:00.000Z']);
  });

  it('reports attributes it cannot read in a header and ignores the column', async () => {
    const { leads, problems } = await readCsv('id,page_view[/pricing].count', '1,3');
    expect(leads[0]!.activities).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({ line: 1, field: 'page_view[/pricing].count', code: 'invalid_column' }),
    ]);
  });
});
