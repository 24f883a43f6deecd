import { describe, expect, it } from '@jest/globals';
import { createProgress } from '../../../src/ops/progress.js';
import type { ProgressOptions } from '../../../src/ops/progress.js';
import { captureStream } from './capture-stream.js';

function plainProgress(options: Partial<ProgressOptions> = {}) {
  let now = 0;
  const stream = captureStream();
  const progress = createProgress({ stream, isTTY: false, label: 'hubspot', now: () => now, ...options });
  const at = (ms: number) => (now = ms);
  return { progress, stream, at };
}

describe('progress without a terminal', () => {
  it('writes nothing before the first interval has passed', () => {
    const { progress, stream, at } = plainProgress();
    at(9_999);
    progress.update({ read: 500, written: 10, failed: 0 });
    expect(stream.text()).toBe('');
  });
  it('writes a line once 10 seconds have passed, with thousands separators and the read rate', () => {
    const { progress, stream, at } = plainProgress();
    at(4_000);
    progress.update({ read: 4_200, written: 310, failed: 0 });
    at(10_000);
    progress.update({ read: 10_500, written: 310, failed: 0 });
    expect(stream.lines()).toEqual(['hubspot: 10,500 read, 310 written, 0 failed (1,050/s)']);
  });
  it('writes at most one line per interval however often it is updated', () => {
    const { progress, stream, at } = plainProgress();
    for (let ms = 0; ms <= 35_000; ms += 500) {
      at(ms);
      progress.update({ read: ms, written: 0, failed: 0 });
    }
    expect(stream.lines()).toHaveLength(3);
  });
  it('counts the next interval from the last line written', () => {
    const { progress, stream, at } = plainProgress();
    at(12_000);
    progress.update({ read: 1, written: 0, failed: 0 });
    at(21_000);
    progress.update({ read: 2, written: 0, failed: 0 });
    at(22_000);
    progress.update({ read: 3, written: 0, failed: 0 });
    expect(stream.lines().map((line) => line.split(' read')[0])).toEqual(['hubspot: 1', 'hubspot: 3']);
  });
  it('takes another interval when given one', () => {
    const { progress, stream, at } = plainProgress({ intervalMs: 1_000 });
    at(1_000);
    progress.update({ read: 10, written: 0, failed: 0 });
    expect(stream.lines()).toHaveLength(1);
  });
  it('shows read against the total with an ETA when the total is known', () => {
    const { progress, stream, at } = plainProgress({ total: 20_000 });
    at(10_000);
    progress.update({ read: 5_000, written: 40, failed: 2 });
    expect(stream.lines()).toEqual(['hubspot: 5,000/20,000 read, 40 written, 2 failed (500/s, ETA 30s)']);
  });
  it('takes the total from an update when it was not known at the start', () => {
    const { progress, stream, at } = plainProgress();
    at(10_000);
    progress.update({ read: 100, written: 0, failed: 0, total: 1_000 });
    expect(stream.lines()[0]).toMatch(/^hubspot: 100\/1,000 read/);
  });
  it('shows the rate with one decimal when it is slow', () => {
    const { progress, stream, at } = plainProgress();
    at(20_000);
    progress.update({ read: 50, written: 0, failed: 0 });
    expect(stream.lines()[0]).toContain('(2.5/s)');
  });
  it('writes a final line at stop, with the time taken', () => {
    const { progress, stream, at } = plainProgress();
    at(3_000);
    progress.update({ read: 4_200, written: 310, failed: 1 });
    at(4_000);
    progress.stop();
    expect(stream.lines()).toEqual(['hubspot: 4,200 read, 310 written, 1 failed (1,050/s), done in 4s']);
  });
  it('writes a final line at stop even right after an interval line', () => {
    const { progress, stream, at } = plainProgress();
    at(10_000);
    progress.update({ read: 1, written: 0, failed: 0 });
    progress.stop();
    expect(stream.lines()).toHaveLength(2);
  });
  it('writes the final line once however often it is stopped', () => {
    const { progress, stream } = plainProgress();
    progress.stop();
    progress.stop();
    expect(stream.lines()).toEqual(['hubspot: 0 read, 0 written, 0 failed, done in 0s']);
  });
  it('ignores updates after stop', () => {
    const { progress, stream, at } = plainProgress();
    progress.stop();
    at(60_000);
    progress.update({ read: 9, written: 0, failed: 0 });
    expect(stream.lines()).toHaveLength(1);
  });
  it('shows long runs in minutes and hours', () => {
    const { progress, stream, at } = plainProgress();
    at(3_723_000);
    progress.update({ read: 3_723_000, written: 0, failed: 0 });
    progress.stop();
    expect(stream.lines()[1]).toMatch(/, done in 1h02m$/);
  });
});
