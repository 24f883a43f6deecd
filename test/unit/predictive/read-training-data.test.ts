import { describe, expect, it } from '@jest/globals';
import { planColumns } from '../../../src/predictive/column-plan.js';
import { readTrainingData } from '../../../src/predictive/read-training-data.js';
import { TrainingDataError } from '../../../src/predictive/predictive-errors.js';
import { tempFile } from '../cli/run-captured.js';

const FIXTURES = 'test/fixtures/predictive';
/** "Time on site" of the first row of semicolon-outcomes.csv, written with a decimal comma. */
const FIRST_TIME_ON_SITE = 332.2;

async function failure(file: string, label = 'Converted'): Promise<TrainingDataError> {
  const error = await readTrainingData(file, { label }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(TrainingDataError);
  return error as TrainingDataError;
}

describe('readTrainingData from CSV', () => {
  it('reads a file separated by ";" with a BOM, quoted separators and yes/no outcomes in any case', async () => {
    const data = await readTrainingData(`${FIXTURES}/semicolon-outcomes.csv`, { label: 'Converted' });
    expect(data.table.columns).toEqual(['Lead ID', 'Source', 'Notes', 'Time on site']);
    expect(data.table.cells[2]![1]).toBe('says "hi"; call back');
    expect(Array.from(data.outcomes.slice(0, 4))).toEqual([0, 1, 0, 1]);
  });

  it('reads decimal commas in files separated by ";"', async () => {
    const data = await readTrainingData(`${FIXTURES}/semicolon-outcomes.csv`, { label: 'Converted' });
    const time = planColumns(data.table).features.find((column) => column.name === 'Time on site');
    expect(time?.kind).toBe('numeric');
    expect(time?.kind === 'numeric' && time.values[0]).toBe(FIRST_TIME_ON_SITE);
  });

  it('leaves out rows without an outcome and counts them', async () => {
    const data = await readTrainingData(`${FIXTURES}/semicolon-outcomes.csv`, { label: 'Converted' });
    expect(data.outcomes).toHaveLength(12);
    expect(data.unlabelled).toBe(1);
  });

  it('finds the outcome column in any case and spacing', async () => {
    const data = await readTrainingData(`${FIXTURES}/semicolon-outcomes.csv`, { label: ' converted ' });
    expect(data.label).toBe('Converted');
  });

  it('names the line and column of an outcome that is not 1/0, yes/no or true/false', async () => {
    const error = await failure(`${FIXTURES}/bad-outcome.csv`);
    expect(error.code).toBe('DATA_BAD_LABEL');
    expect(error.message).toBe(
      `${FIXTURES}/bad-outcome.csv:4: column "Converted": expected an outcome (1/0, yes/no or true/false), got "maybe"`,
    );
  });

  it('refuses a file without the outcome column, listing the columns it has', async () => {
    const error = await failure(`${FIXTURES}/bad-outcome.csv`, 'Won');
    expect(error.code).toBe('DATA_NO_LABEL');
    expect(error.message).toContain(`${FIXTURES}/bad-outcome.csv: no outcome column "Won"`);
    expect(error.message).toContain('"visits"');
  });

  it('refuses outcomes of a single class', async () => {
    const error = await failure(`${FIXTURES}/single-class.csv`);
    expect(error.code).toBe('DATA_SINGLE_CLASS');
    expect(error.message).toMatch(/single-class\.csv: column "Converted": every outcome is 0/);
  });

  it('refuses an empty file', async () => {
    const error = await failure(`${FIXTURES}/empty.csv`);
    expect(error.code).toBe('DATA_EMPTY');
    expect(error.message).toMatch(/empty\.csv: is empty/);
  });

  it('refuses a header without rows', async () => {
    const error = await failure(`${FIXTURES}/header-only.csv`);
    expect(error.message).toMatch(/header-only\.csv: has a header but no rows/);
  });

  it('names the line of a quote that is never closed', async () => {
    const file = tempFile('open-quote.csv', 'id,Converted\n1,1\n2,"0\n3,1\n');
    const error = await failure(file);
    expect(error.code).toBe('DATA_UNREADABLE');
    expect(error.message).toContain(`${file}:`);
  });

  it('refuses a binary file', async () => {
    const file = tempFile('binary.csv', '\u007fELF\u0002\u0001\u0000\u0000,Converted\n');
    const error = await failure(file);
    expect(error.message).toBe(`${file}: is not a text file (it holds NUL bytes); expected CSV`);
  });

  it('names a file that does not exist', async () => {
    await expect(readTrainingData('no/such/file.csv', { label: 'Converted' })).rejects.toThrow(
      'no/such/file.csv: file not found',
    );
  });
});

describe('readTrainingData from a lead file', () => {
  it('turns leads into profile, activity-count and recency columns, the outcome read from any key', async () => {
    const data = await readTrainingData(`${FIXTURES}/leads-with-outcomes.jsonl`, { label: 'converted' });
    expect(data.outcomes).toHaveLength(80);
    expect(data.table.columns).toEqual(
      expect.arrayContaining([
        'industry',
        'employees',
        'page_view.count',
        'demo_request.count',
        'days_since_last_activity',
      ]),
    );
    expect(data.table.roles.get('page_view.count')).toBe('activity_count');
    expect(data.table.roles.get('days_since_last_activity')).toBe('recency');
  });

  it('measures recency from the latest activity in the file unless told otherwise', async () => {
    const data = await readTrainingData(`${FIXTURES}/leads-with-outcomes.jsonl`, { label: 'converted' });
    const asOf = new Date('2027-01-01T00:00:00Z');
    const later = await readTrainingData(`${FIXTURES}/leads-with-outcomes.jsonl`, {
      label: 'converted',
      asOf,
    });
    const recency = (d: typeof data) =>
      Number(d.table.cells[d.table.columns.indexOf('days_since_last_activity')]![0]);
    expect(later.asOf).toEqual(asOf);
    expect(recency(later) - recency(data)).toBeCloseTo(
      (asOf.getTime() - data.asOf!.getTime()) / 86_400_000,
      6,
    );
  });
});
