import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCaptured, tempFile } from '../../unit/cli/run-captured.js';
import type { CliRun } from '../../unit/cli/run-captured.js';
import { syntheticLeads, toCsv } from '../../unit/predictive/synthetic-leads.js';
import { REPORT_CHARTS, chartSvg, countOf } from '../../unit/predictive-report/report-fixture.js';
import { findChromium, pngSize, runHeadless } from './headless-chromium.js';

const OUTPUT = fileURLToPath(new URL('../../../test-output/', import.meta.url));
const SCREENSHOT = join(OUTPUT, 'report-command.png');
const training = tempFile('history.csv', toCsv(syntheticLeads(2000, 11)));
const REPORT = join(dirname(training), 'report.html');

const tags = (html: string) => html.match(/<[^>]*>/g) ?? [];

describe('leadscore report on a training file', () => {
  let run: CliRun;
  let html: string;

  beforeAll(async () => {
    run = await runCaptured('report', '--input', training, '--label', 'converted', '--out', REPORT);
    html = readFileSync(REPORT, 'utf8');
  }, 60_000);

  it('exits 0 and prints the path it wrote, then the AUC ± its spread and the rows', () => {
    expect(run.code).toBe(0);
    const [wrote, summary, ...rest] = run.stdout.trim().split('\n');
    expect(wrote).toBe(`Wrote ${REPORT}`);
    expect(summary).toMatch(
      /^ROC AUC 0\.\d{3} ± 0\.\d{3} \(mean of 5 stratified folds\) on 2,000 leads, [\d,]+ converted \(\d+\.\d %\)$/,
    );
    expect(rest).toEqual([]);
  });

  it('writes one HTML page with every chart', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    for (const name of REPORT_CHARTS) expect(chartSvg(html, name)).toContain(`data-chart="${name}"`);
    expect(countOf(html, /<svg[^>]*data-chart="/)).toBe(REPORT_CHARTS.length);
  });

  it('references nothing on the network: no src or href, no URL in any tag, a CSP that forbids fetching', () => {
    expect(tags(html).filter((tag) => /\s(src|href|xlink:href)=/i.test(tag))).toEqual([]);
    expect(tags(html).filter((tag) => tag.includes('://'))).toEqual([]);
    expect(html).toContain("default-src 'none'");
  });

  it('shows the cross-validated AUC and the factors of the trained model', () => {
    expect(html).toMatch(/ROC curve — AUC 0\.\d{3} ± 0\.\d{3} \(5-fold\)/);
    expect(chartSvg(html, 'factors')).toContain('visits');
  });
});

const chromium = findChromium();
if (!chromium) {
  const looked = process.env.CHROMIUM_PATH
    ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not an executable file`
    : 'there is no `chromium` on the PATH';
  console.warn(
    `Skipping the report command's browser test: ${looked}. ` +
      'Install it with `apt-get install chromium`, or point CHROMIUM_PATH at a Chromium or Chrome binary.',
  );
}
const describeWithChromium = chromium ? describe : describe.skip;

describeWithChromium('the report of `leadscore report` in headless Chromium', () => {
  let profile: string;
  let dom: string;
  let report: string;

  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    rmSync(SCREENSHOT, { force: true });
    report = join(mkdtempSync(join(tmpdir(), 'leadscore-report-')), 'report.html');
    const run = await runCaptured('report', '-i', training, '-l', 'converted', '-o', report, '-q');
    if (run.code !== 0) throw new Error(`leadscore report failed: ${run.stderr}`);
    profile = mkdtempSync(join(tmpdir(), 'leadscore-chromium-'));
    dom = (await runHeadless(chromium!, report, profile, ['--dump-dom'])).stdout;
    await runHeadless(chromium!, report, profile, [`--screenshot=${SCREENSHOT}`]);
  }, 120_000);

  afterAll(() => {
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('draws every chart: each is marked data-drawn="yes" after load', () => {
    for (const name of REPORT_CHARTS)
      expect(/<svg[^>]*>/.exec(chartSvg(dom, name))?.[0]).toContain('data-drawn="yes"');
    expect(countOf(dom, 'data-drawn="yes"')).toBe(REPORT_CHARTS.length);
  });

  it('saves a 1280×2400 PNG screenshot to test-output/report-command.png', () => {
    const bytes = readFileSync(SCREENSHOT);
    expect(pngSize(bytes)).toEqual({ width: 1280, height: 2400 });
    expect(bytes.length).toBeGreaterThan(50_000);
    console.log(`report command screenshot: ${SCREENSHOT} (${statSync(SCREENSHOT).size} bytes, 1280×2400)`);
  });
});
