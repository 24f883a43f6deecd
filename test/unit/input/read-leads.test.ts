import { writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { readLeads } from '../../../src/input/read-leads.js';
import { InputError } from '../../../src/util/errors.js';
import { readAll, tempFile } from './read-all.js';

const ONE_LEAD = { jsonl: '{"id": "1"}\n', csv: 'id\n1\n' };

describe('choosing the format', () => {
  it.each([
    ['leads.jsonl', 'jsonl'],
    ['leads.ndjson', 'jsonl'],
    ['leads.json', 'jsonl'],
    ['LEADS.JSONL', 'jsonl'],
    ['leads.csv', 'csv'],
    ['leads.tsv', 'csv'],
    ['leads.txt', 'csv'],
  ] as const)('reads %s as %s', async (name, format) => {
    const { leads } = await readAll(tempFile(name, ONE_LEAD[format]));
    expect(leads.map((lead) => lead.ref.id)).toEqual(['1']);
  });

  it('uses the format option over the extension', async () => {
    const { leads } = await readAll(tempFile('export.dat', ONE_LEAD.csv), 'csv');
    expect(leads).toHaveLength(1);
  });

  it('refuses an unknown extension, naming the file and the accepted extensions', async () => {
    await expect(readAll(tempFile('leads.xlsx', ''))).rejects.toThrow(
      /leads\.xlsx: cannot tell the format from the extension; expected one of \.jsonl, \.ndjson, \.json, \.csv, \.tsv, \.txt/,
    );
  });
});

describe('files that cannot be read', () => {
  it('reports a missing file by name', async () => {
    await expect(readAll('no/such/leads.csv')).rejects.toThrow(
      new InputError('no/such/leads.csv: file not found'),
    );
  });

  it('reports a directory by name', async () => {
    const dir = dirname(tempFile('placeholder.csv', ''));
    await expect(readAll(dir, 'csv')).rejects.toThrow(new InputError(`${dir}: is a directory, not a file`));
  });
});

describe('streaming', () => {
  it('streams a generated 20,000-line JSONL file and yields every lead in order', async () => {
    const lines = Array.from({ length: 20_000 }, (_, i) =>
      JSON.stringify({ id: i, employees: '50-200', activities: [{ type: 'page_view', at: '2026-03-05' }] }),
    );
    const file = tempFile('big.jsonl', '');
    writeFileSync(file, lines.join('\n') + '\n');
    const ids: string[] = [];
    for await (const lead of readLeads(file, { onProblem: (p) => ids.push(`problem: ${p.message}`) }))
      ids.push(lead.ref.id);
    expect(ids).toEqual(Array.from({ length: 20_000 }, (_, i) => String(i)));
  });

  it('stops reading without error when the consumer stops early', async () => {
    const file = tempFile('stop.csv', 'id\n' + Array.from({ length: 5000 }, (_, i) => i).join('\n') + '\n');
    const ids: string[] = [];
    for await (const lead of readLeads(file, { onProblem: () => {} })) {
      ids.push(lead.ref.id);
      if (ids.length === 3) break;
    }
    expect(ids).toEqual(['0', '1', '2']);
  });
});
