import { describe, expect, it } from '@jest/globals';
import { InputError } from '../../../src/util/errors.js';
import { fixture, readAll, readJsonl, tempFile } from './read-all.js';

describe('reading a JSONL file', () => {
  it('reads the identity from ref', async () => {
    const { leads } = await readAll(fixture('leads.jsonl'));
    expect(leads[0]!.ref).toEqual({ crm: 'hubspot', object: 'contact', id: '501' });
  });

  it('reads a flat top-level id given as a number, with crm and object', async () => {
    const { leads } = await readAll(fixture('leads.jsonl'));
    expect(leads[1]!.ref).toEqual({ crm: 'salesforce', object: 'Lead', id: '502' });
  });

  it('strips a BOM at the start of the file', async () => {
    const { leads, problems } = await readAll(fixture('leads.jsonl'));
    expect(leads[0]!.email).toBe('dana@initech.com');
    expect(problems.filter((p) => p.line === 1).map((p) => p.field)).not.toContain('\uFEFFref');
  });

  it('reports a line of broken JSON with its line number and skips it', async () => {
    const { leads, problems } = await readAll(fixture('leads.jsonl'));
    expect(leads.map((lead) => lead.ref.id)).toEqual(['501', '502', 'line-5', '505']);
    expect(problems).toContainEqual(
      expect.objectContaining({
        line: 3,
        field: '',
        code: 'invalid_json',
        message: expect.stringMatching(/line skipped$/),
      }),
    );
  });

  it('scores a record without id as line-<N> and reports it', async () => {
    const { leads, problems } = await readAll(fixture('leads.jsonl'));
    expect(leads[2]).toMatchObject({
      ref: { crm: 'file', object: 'lead', id: 'line-5' },
      email: 'no-id@example.com',
    });
    expect(problems).toContainEqual({
      file: fixture('leads.jsonl'),
      line: 5,
      field: 'id',
      code: 'missing_id',
      message: 'no id; scored as line-5',
    });
  });

  it('treats null fields and null-like text as missing without a problem', async () => {
    const { leads, problems } = await readAll(fixture('leads.jsonl'));
    expect(leads[3]).toEqual({
      ref: { crm: 'file', object: 'lead', id: '505' },
      custom: { tier: 2, tags: ['a'] },
      activities: [],
    });
    expect(problems.filter((p) => p.recordId === '505')).toEqual([]);
  });

  it('reports a date it cannot parse with the record id and treats it as missing', async () => {
    const { leads, problems } = await readAll(fixture('leads.jsonl'));
    expect(leads[1]!.createdAt).toBeUndefined();
    expect(problems).toContainEqual({
      file: fixture('leads.jsonl'),
      line: 2,
      recordId: '502',
      field: 'createdAt',
      code: 'invalid_date',
      message: 'expected an ISO-8601 date like 2026-03-05T14:22:00Z, got "03/05/2026"; treated as missing',
    });
  });

  it('reads employees "50-200" as the midpoint 125 and "1,000+" as 1000', async () => {
    const { leads } = await readAll(fixture('leads.jsonl'));
    expect(leads.slice(0, 2).map((lead) => lead.employees)).toEqual([125, 1000]);
  });

  it('moves unknown top-level keys into custom on every record but reports only the first', async () => {
    const { leads, problems } = await readAll(fixture('leads.jsonl'));
    expect(leads.slice(0, 2).map((lead) => lead.custom)).toEqual([
      { favouriteColour: 'green' },
      { favouriteColour: 'red' },
    ]);
    expect(problems.filter((p) => p.code === 'unknown_field')).toEqual([
      expect.objectContaining({
        line: 1,
        recordId: '501',
        field: 'favouriteColour',
        message: 'not a lead field; kept as custom.favouriteColour (reported for the first record only)',
      }),
    ]);
  });

  it('suggests the lead field an unknown key looks like', async () => {
    const { leads, problems } = await readJsonl({ id: '1', first_name: 'Ann' });
    expect(leads[0]!.custom).toEqual({ first_name: 'Ann' });
    expect(problems[0]!.message).toMatch(/^not a lead field \(did you mean firstName\?\)/);
  });

  it('keeps the custom object as it is', async () => {
    const { leads } = await readJsonl({ id: '1', custom: { tier: 2, nested: { a: [1] } } });
    expect(leads[0]!.custom).toEqual({ tier: 2, nested: { a: [1] } });
  });

  it('ignores blank lines but still counts them', async () => {
    const { leads, problems } = await readJsonl('', '  ', { employees: 'lots' });
    expect(leads).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 3, field: 'id', code: 'missing_id' });
  });

  it('reports a line that is JSON but not an object and skips it', async () => {
    const { leads, problems } = await readJsonl({ id: '1' }, '42');
    expect(leads).toHaveLength(1);
    expect(problems).toEqual([
      expect.objectContaining({
        line: 2,
        code: 'invalid_json',
        message: 'expected a JSON object (one lead per line), got 42; line skipped',
      }),
    ]);
  });

  it('reports an unknown crm and treats it as file', async () => {
    const { leads, problems } = await readJsonl({ id: '1', crm: 'zoho' });
    expect(leads[0]!.ref.crm).toBe('file');
    expect(problems[0]).toMatchObject({
      recordId: '1',
      field: 'crm',
      code: 'invalid_crm',
      message: 'expected one of hubspot, salesforce, file, got "zoho"; treated as file',
    });
  });

  it('keeps scoring a record whose job title is 10 kB long, truncated to 255 characters', async () => {
    const { leads, problems } = await readJsonl({ id: '1', jobTitle: 'x'.repeat(10 * 1024) });
    expect(leads[0]!.jobTitle).toHaveLength(255);
    expect(problems).toEqual([
      expect.objectContaining({
        field: 'jobTitle',
        code: 'truncated',
        message: '10240 characters long; truncated to 255',
      }),
    ]);
  });

  it('reads CRLF line endings', async () => {
    const { leads } = await readAll(tempFile('crlf.jsonl', '{"id":"1"}\r\n{"id":"2"}\r\n'));
    expect(leads.map((lead) => lead.ref.id)).toEqual(['1', '2']);
  });

  it('refuses a file holding one JSON array, naming the file', async () => {
    const file = tempFile('array.json', '[\n  {"id": "1"}\n]\n');
    await expect(readAll(file)).rejects.toThrow(
      new InputError(`${file}: looks like a JSON array; leads must be JSON Lines, one lead object per line`),
    );
  });
});

describe('reading JSONL activities', () => {
  const at = '2026-03-05T14:22:00Z';

  it('keeps the attributes of an activity as they are', async () => {
    const { leads } = await readJsonl({
      id: '1',
      activities: [{ type: 'form_submission', at, form: 'Demo', score: 3 }],
    });
    expect(leads[0]!.activities).toEqual([
      { type: 'form_submission', at: new Date(at), form: 'Demo', score: 3 },
    ]);
  });

  it('reads activity types in any case, with spaces or hyphens', async () => {
    const { leads } = await readJsonl({
      id: '1',
      activities: [
        { type: 'Page View', at },
        { type: 'demo-request', at },
      ],
    });
    expect(leads[0]!.activities.map((activity) => activity.type)).toEqual(['page_view', 'demo_request']);
  });

  it('skips an activity of unknown type and reports it, suggesting the type it looks like', async () => {
    const { leads, problems } = await readAll(fixture('leads.jsonl'));
    expect(leads[0]!.activities).toEqual([{ type: 'page_view', at: new Date(at), url: '/pricing' }]);
    expect(problems).toContainEqual(
      expect.objectContaining({
        line: 1,
        recordId: '501',
        field: 'activities[1].type',
        code: 'unknown_activity_type',
        message:
          'expected one of page_view, form_submission, newsletter_signup, … (17 types), got "pageview" (did you mean page_view?); activity skipped',
      }),
    );
  });

  it('skips an activity whose date it cannot parse and reports the path to it', async () => {
    const { leads, problems } = await readJsonl({
      id: '1',
      activities: [
        { type: 'call', at },
        { type: 'call', at: 'yesterday' },
        { type: 'call' },
        { type: 'call', at },
      ],
    });
    expect(leads[0]!.activities).toHaveLength(2);
    expect(problems.map((p) => [p.field, p.code, p.message])).toEqual([
      [
        'activities[1].at',
        'invalid_date',
        'expected an ISO-8601 date like 2026-03-05T14:22:00Z, got "yesterday"; activity skipped',
      ],
      [
        'activities[2].at',
        'invalid_date',
        'expected an ISO-8601 date like 2026-03-05T14:22:00Z, got nothing; activity skipped',
      ],
    ]);
  });

  it('skips an entry that is not an object and reports it', async () => {
    const { leads, problems } = await readJsonl({ id: '1', activities: ['page_view', { type: 'call', at }] });
    expect(leads[0]!.activities).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'activities[0]', code: 'invalid_activity' });
  });

  it('treats activities that are not an array as none and reports it', async () => {
    const { leads, problems } = await readJsonl({ id: '1', activities: { type: 'call', at } });
    expect(leads[0]!.activities).toEqual([]);
    expect(problems[0]).toMatchObject({ field: 'activities', code: 'invalid_activities' });
  });
});
