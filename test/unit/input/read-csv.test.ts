import { describe, expect, it } from '@jest/globals';
import { fixture, readAll, readCsv, tempFile } from './read-all.js';

describe('reading a CSV export', () => {
  it('reads a HubSpot-style export with a BOM and CRLF line endings', async () => {
    const { leads } = await readAll(fixture('hubspot-contacts.csv'));
    expect(leads.map((lead) => lead.ref.id)).toEqual(['101', '102', 'line-4', '104']);
    expect(leads[0]).toMatchObject({
      ref: { crm: 'file', object: 'lead', id: '101' },
      firstName: 'Ann',
      lastName: 'Lee',
      email: 'ann.lee@acme.com',
      annualRevenue: 5_000_000,
      lifecycleStage: 'customer',
      createdAt: new Date('2026-01-10T00:00:00Z'),
      updatedAt: new Date('2026-03-05T12:00:00Z'),
      budgetAuthority: true,
      techStack: ['Salesforce', 'HubSpot'],
    });
  });

  it('reads quoted fields with commas and doubled quotes', async () => {
    const { leads } = await readAll(fixture('hubspot-contacts.csv'));
    expect(leads[0]!.jobTitle).toBe('VP, Sales "EMEA"');
  });

  it('reads employees "50-200" as the midpoint 125 and "1,000+" as 1000', async () => {
    const { leads } = await readAll(fixture('hubspot-contacts.csv'));
    expect(leads.slice(0, 2).map((lead) => lead.employees)).toEqual([125, 1000]);
  });

  it('reports a date it cannot parse with the record id and treats it as missing', async () => {
    const { leads, problems } = await readAll(fixture('hubspot-contacts.csv'));
    expect(leads[1]!.createdAt).toBeUndefined();
    expect(problems).toContainEqual({
      file: fixture('hubspot-contacts.csv'),
      line: 3,
      recordId: '102',
      field: 'Create Date',
      code: 'invalid_date',
      message: 'expected an ISO-8601 date like 2026-03-05T14:22:00Z, got "03/05/2026"; treated as missing',
    });
  });

  it('scores a row without id as line-<N>, N being the line the row starts on', async () => {
    const { problems } = await readAll(fixture('hubspot-contacts.csv'));
    expect(problems).toContainEqual(
      expect.objectContaining({
        line: 4,
        field: 'Record ID',
        code: 'missing_id',
        message: 'no id; scored as line-4',
      }),
    );
  });

  it('counts a row after a value spanning two lines from the line it starts on', async () => {
    const { problems } = await readAll(fixture('hubspot-contacts.csv'));
    expect(problems).toContainEqual(
      expect.objectContaining({ line: 6, recordId: '104', field: 'Company Size', code: 'invalid_number' }),
    );
  });

  it('treats null-like values as missing without a problem', async () => {
    const { leads, problems } = await readAll(fixture('hubspot-contacts.csv'));
    expect(leads[2]).not.toHaveProperty('employees');
    expect(leads[2]).not.toHaveProperty('annualRevenue');
    expect(leads[2]).not.toHaveProperty('budgetAuthority');
    expect(problems.filter((p) => p.line === 4).map((p) => p.code)).toEqual(['missing_id']);
  });

  it('keeps other columns in custom as trimmed text', async () => {
    const { leads } = await readAll(fixture('hubspot-contacts.csv'));
    expect(leads[0]!.custom).toMatchObject({ 'Favourite Colour': 'Blue' });
    expect(leads[1]).not.toHaveProperty('custom');
  });

  it('reports an unknown activity type in a header once and keeps the column in custom', async () => {
    const { leads, problems } = await readAll(fixture('hubspot-contacts.csv'));
    expect(problems.filter((p) => p.code === 'unknown_column')).toEqual([
      {
        file: fixture('hubspot-contacts.csv'),
        line: 1,
        field: 'pageview.count',
        code: 'unknown_column',
        message:
          'expected one of page_view, form_submission, newsletter_signup, … (17 types), got "pageview" (did you mean page_view?); kept as a custom column',
      },
    ]);
    expect(leads[0]!.activities.every((activity) => activity.type === 'page_view')).toBe(true);
    expect(leads[0]!.custom).toHaveProperty(['pageview.count']);
  });

  it('detects a semicolon-separated export', async () => {
    const { leads, problems } = await readAll(fixture('semicolon-export.csv'));
    expect(problems).toEqual([]);
    expect(leads[0]).toMatchObject({
      ref: { id: 'L-1' },
      firstName: 'Jürgen',
      lastName: 'Müller; Sohn',
      email: 'juergen@example.de',
      employees: 250,
      annualRevenue: 1_500_000.5,
      createdAt: new Date('2026-03-05T14:22:00Z'),
      custom: { Notes: 'says "hallo"' },
    });
    expect(leads[1]).toMatchObject({ employees: 1000, annualRevenue: 2_000_000 });
  });

  it('detects a tab-separated export', async () => {
    const { leads } = await readAll(tempFile('leads.tsv', 'id\tCompany Size\tNotes\n7\t1,000\ta, b; c\n'));
    expect(leads[0]).toMatchObject({ ref: { id: '7' }, employees: 1000, custom: { Notes: 'a, b; c' } });
  });

  it.each([['firstName'], ['first_name'], ['First Name'], ['FIRST NAME'], ['first-name']])(
    'reads the column "%s" as firstName',
    async (header) => {
      const { leads } = await readCsv(`id,${header}`, '1,Ann');
      expect(leads[0]!.firstName).toBe('Ann');
    },
  );

  it.each([['Record ID'], ['Contact ID'], ['Lead ID']])('reads the column "%s" as the id', async (header) => {
    const { leads } = await readCsv(header, '42');
    expect(leads[0]!.ref.id).toBe('42');
  });

  it.each([['Number of Employees'], ['Company Size']])(
    'reads the column "%s" as employees',
    async (header) => {
      const { leads } = await readCsv(`id,${header}`, '1,250');
      expect(leads[0]!.employees).toBe(250);
    },
  );

  it.each([
    ['Email Address', 'email'],
    ['Job Title', 'jobTitle'],
    ['Lead Source', 'leadSource'],
    ['Lifecycle Stage', 'lifecycleStage'],
    ['Lead Status', 'leadStatus'],
    ['Owner Id', 'ownerId'],
  ])('reads the column "%s" as %s', async (header, field) => {
    const { leads } = await readCsv(`id,${header}`, '1,x@y');
    expect(leads[0]).toHaveProperty(field, 'x@y');
  });

  it('reports a column that names a lead field already read, and keeps it in custom', async () => {
    const { leads, problems } = await readCsv('id,Email,Email Address', '1,a@x.com,b@x.com');
    expect(leads[0]).toMatchObject({ email: 'a@x.com', custom: { 'Email Address': 'b@x.com' } });
    expect(problems).toEqual([
      expect.objectContaining({ line: 1, field: 'Email Address', code: 'duplicate_column' }),
    ]);
  });

  it('reads crm and object columns', async () => {
    const { leads } = await readCsv('crm,object,id', 'Salesforce,Contact,003A');
    expect(leads[0]!.ref).toEqual({ crm: 'salesforce', object: 'Contact', id: '003A' });
  });

  it('reports a row with too few cells and reads the cells it has', async () => {
    const { leads, problems } = await readCsv('id,firstName,lastName', '1,Ann');
    expect(leads[0]).toMatchObject({ ref: { id: '1' }, firstName: 'Ann' });
    expect(problems).toEqual([
      expect.objectContaining({
        line: 2,
        recordId: '1',
        field: '',
        code: 'ragged_row',
        message: 'has 2 cells, the header has 3; the missing cells are empty',
      }),
    ]);
  });

  it('reports a row with too many cells and ignores the extra ones', async () => {
    const { leads, problems } = await readCsv('id,firstName', '1,Ann,Lee');
    expect(leads[0]).toEqual({
      ref: { crm: 'file', object: 'lead', id: '1' },
      firstName: 'Ann',
      activities: [],
    });
    expect(problems[0]!.message).toBe('has 3 cells, the header has 2; the extra cells are ignored');
  });

  it('skips blank rows, including rows of empty cells', async () => {
    const { leads, problems } = await readCsv('id,firstName', '', '1,Ann', ',', '   ,  ', '2,Bob');
    expect(leads.map((lead) => lead.ref.id)).toEqual(['1', '2']);
    expect(problems).toEqual([]);
  });

  it('reports a quote that is never closed instead of crashing', async () => {
    const { leads, problems } = await readCsv('id,firstName', '1,Ann', '2,"Bob', '3,Cara');
    expect(leads.map((lead) => lead.ref.id)).toEqual(['1']);
    expect(problems).toEqual([
      expect.objectContaining({
        line: 3,
        code: 'invalid_row',
        message: 'a quoted value that starts here is never closed, so the rest of the file cannot be read',
      }),
    ]);
  });

  it('tolerates a stray quote inside an unquoted value', async () => {
    const { leads } = await readCsv('id,jobTitle', '1,5" display specialist');
    expect(leads[0]!.jobTitle).toBe('5" display specialist');
  });

  it('keeps scoring a row whose job title is 10 kB long, truncated to 255 characters', async () => {
    const { leads, problems } = await readCsv('id,Job Title,employees', `1,${'x'.repeat(10 * 1024)},50-200`);
    expect(leads[0]).toMatchObject({ jobTitle: 'x'.repeat(255), employees: 125 });
    expect(problems).toEqual([
      expect.objectContaining({ line: 2, recordId: '1', field: 'Job Title', code: 'truncated' }),
    ]);
  });

  it('reads an empty file as no leads', async () => {
    expect(await readAll(tempFile('empty.csv', ''))).toEqual({ leads: [], problems: [] });
  });

  it('reads a file with only a header as no leads', async () => {
    expect(await readCsv('id,email')).toEqual({ leads: [], problems: [] });
  });
});
