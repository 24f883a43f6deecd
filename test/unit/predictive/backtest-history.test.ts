import { describe, expect, it } from '@jest/globals';
import { readLeadHistory } from '../../../src/predictive/backtest-history.js';
import type { ReadHistoryOptions } from '../../../src/predictive/backtest-history.js';
import { tempFile } from '../cli/run-captured.js';

function leadsFile(...lines: object[]): string {
  return tempFile('leads.jsonl', lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
}

function read(file: string, options: Partial<ReadHistoryOptions> = {}) {
  return readLeadHistory({ file, format: 'jsonl', label: 'converted', onProblem: () => {}, ...options });
}

describe('readLeadHistory', () => {
  it('reads the outcome of each lead from any spelling of the label', async () => {
    const file = leadsFile(
      { id: 'a', Converted: 'yes' },
      { id: 'b', Converted: 0 },
      { id: 'c', Converted: true },
    );
    const history = await read(file, { label: ' CONVERTED ' });
    expect([...history.outcomes]).toEqual([1, 0, 1]);
    expect(history.label).toBe('Converted');
  });

  it('leaves out leads without an outcome and counts them', async () => {
    const history = await read(leadsFile({ id: 'a', converted: 1 }, { id: 'b' }, { id: 'c', converted: 0 }));
    expect(history.records.map((record) => record.lead.ref.id)).toEqual(['a', 'c']);
    expect(history.unlabelled).toBe(1);
  });

  it('names the line of an outcome that is not yes or no', async () => {
    const file = leadsFile({ id: 'a', converted: 1 }, { id: 'b', converted: 'maybe' });
    await expect(read(file)).rejects.toMatchObject({ code: 'DATA_BAD_LABEL', exitCode: 2 });
    await expect(read(file)).rejects.toThrow(/leads\.jsonl:2: converted: expected an outcome/);
  });

  it('refuses a file where no lead has the label', async () => {
    await expect(read(leadsFile({ id: 'a', won: 1 }))).rejects.toMatchObject({
      code: 'DATA_NO_LABEL',
      exitCode: 2,
    });
  });

  it('refuses leads of one outcome unless told to accept them', async () => {
    const file = leadsFile({ id: 'a', converted: 1 }, { id: 'b', converted: 1 });
    await expect(read(file)).rejects.toMatchObject({ code: 'DATA_SINGLE_CLASS', exitCode: 2 });
    expect((await read(file, { requireBothOutcomes: false })).records).toHaveLength(2);
  });
});
