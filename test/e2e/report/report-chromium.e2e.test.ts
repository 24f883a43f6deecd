import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeReport } from '../../../src/predictive/report/index.js';
import {
  REPORT_CHARTS,
  chartSvg,
  countOf,
  reportFixture,
} from '../../unit/predictive-report/report-fixture.js';
import { findChromium, pngSize, runHeadless } from './headless-chromium.js';

const OUTPUT = fileURLToPath(new URL('../../../test-output/', import.meta.url));
const REPORT = join(OUTPUT, 'report.html');
const SCREENSHOT = join(OUTPUT, 'report.png');

const chromium = findChromium();
if (!chromium) {
  const looked = process.env.CHROMIUM_PATH
    ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not an executable file`
    : 'there is no `chromium` on the PATH';
  console.warn(
    `Skipping the report browser test: ${looked}. ` +
      'Install it with `apt-get install chromium`, or point CHROMIUM_PATH at a Chromium or Chrome binary.',
  );
}
const describeWithChromium = chromium ? describe : describe.skip;

describeWithChromium('the HTML report in headless Chromium', () => {
  let profile: string;
  let dom: string;

  beforeAll(async () => {
    mkdirSync(OUTPUT, { recursive: true });
    rmSync(SCREENSHOT, { force: true });
    await writeReport(REPORT, reportFixture());
    profile = mkdtempSync(join(tmpdir(), 'leadscore-chromium-'));
    dom = (await runHeadless(chromium!, REPORT, profile, ['--dump-dom'])).stdout;
    await runHeadless(chromium!, REPORT, profile, [`--screenshot=${SCREENSHOT}`]);
  }, 120_000);

  afterAll(() => {
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('marks every chart data-drawn="yes" after load (its bounding box is not empty)', () => {
    expect(readFileSync(REPORT, 'utf8')).not.toContain('data-drawn=');
    const drawn = REPORT_CHARTS.map((name) => /<svg[^>]*>/.exec(chartSvg(dom, name))?.[0] ?? '');
    for (const tag of drawn) expect(tag).toContain('data-drawn="yes"');
    expect(countOf(dom, 'data-drawn="yes"')).toBe(REPORT_CHARTS.length);
  });

  it('keeps each chart’s bars, points and lines in the loaded DOM', () => {
    expect(countOf(chartSvg(dom, 'histogram'), '<rect class="bar ')).toBe(20);
    expect(countOf(chartSvg(dom, 'bands'), '<rect class="bar"')).toBe(10);
    const roc = chartSvg(dom, 'roc');
    expect(countOf(roc, '<path class="curve"')).toBe(1);
    expect(countOf(roc, '<circle class="pt"')).toBe(50);
    expect(countOf(roc, 'class="diagonal"')).toBe(1);
    const calibration = chartSvg(dom, 'calibration');
    expect(countOf(calibration, '<circle class="pt"')).toBe(10);
    expect(countOf(calibration, 'class="ideal"')).toBe(1);
    expect(countOf(chartSvg(dom, 'factors'), '<rect class="bar ')).toBe(12);
  });

  it('renders the header text after load', () => {
    expect(dom).toContain('<h1>Lead scoring report: Q3 inbound</h1>');
    expect(dom).toContain('ROC curve — AUC 0.812 ± 0.014 (5-fold)');
  });

  it('saves a 1280×2400 PNG screenshot of the page', () => {
    const bytes = readFileSync(SCREENSHOT);
    expect(pngSize(bytes)).toEqual({ width: 1280, height: 2400 });
    expect(bytes.length).toBeGreaterThan(50_000);
    console.log(`report screenshot: ${SCREENSHOT} (${statSync(SCREENSHOT).size} bytes, 1280×2400)`);
  });
});
