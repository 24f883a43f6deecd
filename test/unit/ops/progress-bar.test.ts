import { describe, expect, it } from '@jest/globals';
import { createProgress } from '../../../src/ops/progress.js';
import { captureStream } from './capture-stream.js';

/** What cli-progress needs of a terminal: isTTY, a width, and cursor control. */
function fakeTerminal() {
  return captureStream({ isTTY: true, columns: 120, cursorTo: () => true, clearLine: () => true });
}

const visible = (text: string) => text.replace(/\x1B(?:\[[0-9;?]*[A-Za-z]|[78])/g, ''); // eslint-disable-line no-control-regex

describe('progress on a terminal', () => {
  it('draws a bar with read/total, written, failed, rate and ETA', () => {
    let now = 0;
    const stream = fakeTerminal();
    const progress = createProgress({ stream, isTTY: true, label: 'hubspot', total: 10_000, now: () => now });
    now = 4_000;
    progress.update({ read: 4_200, written: 310, failed: 0 });
    progress.stop();
    const out = visible(stream.text());
    expect(out).toMatch(
      /hubspot \[=+-+\] 42% \| 4,200\/10,000 read \| 310 written \| 0 failed \| 1,050\/s \| ETA 6s/,
    );
  });
  it('draws a running count when the total is unknown', () => {
    let now = 0;
    const stream = fakeTerminal();
    const progress = createProgress({ stream, isTTY: true, label: 'salesforce', now: () => now });
    now = 2_000;
    progress.update({ read: 300, written: 3, failed: 1 });
    progress.stop();
    expect(visible(stream.text())).toContain('salesforce 300 read | 3 written | 1 failed | 150/s');
  });
  it('ends on a new line when stopped', () => {
    const stream = fakeTerminal();
    const progress = createProgress({ stream, isTTY: true, label: 'hubspot', total: 1 });
    progress.update({ read: 1, written: 1, failed: 0 });
    progress.stop();
    expect(stream.text().endsWith('\n')).toBe(true);
  });
});
