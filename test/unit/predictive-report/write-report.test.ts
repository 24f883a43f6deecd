import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderReport, writeReport } from '../../../src/predictive/report/index.js';
import { reportFixture } from './report-fixture.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'leadscore-report-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeReport', () => {
  it('writes the rendered report, creating missing directories', async () => {
    const file = join(dir, 'nested', 'report.html');
    await writeReport(file, reportFixture());
    expect(readFileSync(file, 'utf8')).toBe(renderReport(reportFixture()));
    expect(readdirSync(join(dir, 'nested'))).toEqual(['report.html']);
  });

  it('fails with REPORT_WRITE_FAILED when the path cannot be written, leaving no temporary file', async () => {
    const blocker = join(dir, 'not-a-directory');
    writeFileSync(blocker, '');
    await expect(writeReport(join(blocker, 'report.html'), reportFixture())).rejects.toMatchObject({
      code: 'REPORT_WRITE_FAILED',
    });
    expect(readdirSync(dir)).toEqual(['not-a-directory']);
  });

  it('writes nothing when the data is invalid', async () => {
    const file = join(dir, 'report.html');
    await expect(writeReport(file, reportFixture({ auc: Number.NaN }))).rejects.toMatchObject({
      code: 'REPORT_DATA_INVALID',
    });
    expect(readdirSync(dir)).toEqual([]);
  });
});
