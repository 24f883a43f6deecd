import { describe, expect, it } from '@jest/globals';
import { planColumns } from '../../../src/predictive/column-plan.js';
import type { DataTable } from '../../../src/predictive/data-table.js';
import { readTrainingData } from '../../../src/predictive/read-training-data.js';

function table(columns: Record<string, Array<string | undefined>>): DataTable {
  const names = Object.keys(columns);
  const rows = columns[names[0]!]!.length;
  return {
    file: 'leads.csv',
    columns: names,
    cells: names.map((name) => columns[name]!),
    lines: Array.from({ length: rows }, (_, i) => i + 2),
    roles: new Map(),
    decimalComma: false,
  };
}

const kinds = (t: DataTable, exclude: string[] = []) =>
  Object.fromEntries(planColumns(t, { exclude }).features.map((column) => [column.name, column.kind]));
const skipped = (t: DataTable, exclude: string[] = []) =>
  Object.fromEntries(planColumns(t, { exclude }).skipped.map((s) => [s.column, s.reason]));

describe('planColumns', () => {
  const sample = table({
    id: ['a1', 'a2', 'a3', 'a4'],
    number: ['101', '102', '103', '104'],
    visits: ['3', undefined, '1.5', '7'],
    source: ['Google', 'Direct', undefined, 'Google'],
    flag: ['Yes', 'No', 'No', 'Yes'],
    same: ['x', 'x', 'x', 'x'],
    created: ['2026-01-05', '2026-02-01', '2026-02-03', '2026-03-01'],
    blank: [undefined, undefined, undefined, undefined],
  });

  it('types columns whose values are numbers as numeric, others as categorical', () => {
    expect(kinds(sample)).toEqual({ visits: 'numeric', source: 'categorical', flag: 'categorical' });
  });

  it('leaves out identifiers, constants, empty columns and dates, with the reason', () => {
    expect(skipped(sample)).toEqual({
      id: 'identifier',
      number: 'identifier',
      same: 'constant',
      created: 'date',
      blank: 'empty',
    });
  });

  it('keeps the dates for the time-based holdout', () => {
    expect(planColumns(sample).dates.map((d) => d.name)).toEqual(['created']);
  });

  it('leaves out --exclude columns named in any case, or matched by a * pattern', () => {
    expect(skipped(sample, ['SOURCE', 'fl*'])).toMatchObject({ source: 'excluded', flag: 'excluded' });
    expect(kinds(sample, ['SOURCE', 'fl*'])).toEqual({ visits: 'numeric' });
  });

  it('refuses an --exclude that matches no column, so a misspelt leak cannot stay in', () => {
    expect(() => planColumns(sample, { exclude: ['Tag'] })).toThrow(
      'leads.csv: --exclude "Tag" matches no column',
    );
  });

  it('names the line and column of a value that is not a number in a numeric column, exit code 2', async () => {
    const data = await readTrainingData('test/fixtures/predictive/garbage-number.csv', {
      label: 'Converted',
    });
    const error = (() => {
      try {
        planColumns(data.table);
      } catch (e) {
        return e as { code: string; message: string; exitCode: number };
      }
      return undefined;
    })();
    expect(error?.code).toBe('DATA_NOT_NUMERIC');
    expect(error?.exitCode).toBe(2);
    expect(error?.message).toMatch(
      /^test\/fixtures\/predictive\/garbage-number\.csv:5: column "visits": expected a number/,
    );
    expect(error?.message).toContain('got "lots"');
    expect(error?.message).toContain('--exclude "visits"');
  });

  it('refuses a table with nothing left to learn from', () => {
    expect(() => planColumns(table({ id: ['1', '2', '3'] }))).toThrow(/no column is left to learn from/);
  });

  it('reads a --time-column of epochs as dates rather than numbers', () => {
    const epochs = table({ at: ['1767225600', '1767312000', '1767398400'], visits: ['1', '2', '2'] });
    const plan = planColumns(epochs, { timeColumn: 'at' });
    expect(plan.time?.values[0]).toBe(Date.UTC(2026, 0, 1));
    expect(plan.features.map((f) => f.name)).toEqual(['visits']);
  });
});
