import { describe, expect, it } from '@jest/globals';
import { RollingWindow } from '../../../src/http/rolling-window.js';

const window = () => new RollingWindow({ name: 'w', limit: 2, intervalMs: 1_000 });

describe('a rolling window', () => {
  it('has room while fewer than limit requests were sent in the interval', () => {
    const w = window();
    w.record(0);
    expect(w.waitMs(0)).toBe(0);
  });

  it('once full, waits until the oldest request ages out', () => {
    const w = window();
    w.record(0);
    w.record(300);
    expect(w.waitMs(400)).toBe(600);
  });

  it('frees the slot exactly intervalMs after the oldest request', () => {
    const w = window();
    w.record(0);
    w.record(300);
    expect([w.waitMs(999), w.waitMs(1_000)]).toEqual([1, 0]);
  });

  it('after a slot frees, the next one frees when the next-oldest ages out', () => {
    const w = window();
    [0, 300].forEach((t) => w.record(t));
    w.record(1_000);
    expect(w.waitMs(1_000)).toBe(300);
  });

  it('stays shut while blocked, even with room', () => {
    const w = window();
    w.blockUntil(5_000);
    expect([w.waitMs(4_000), w.waitMs(5_000)]).toEqual([1_000, 0]);
  });

  it('applies to every class without requestClass, to its own class with one', () => {
    const scoped = new RollingWindow({ name: 's', limit: 4, intervalMs: 1_000, requestClass: 'search' });
    expect([window().appliesTo('search'), scoped.appliesTo('search'), scoped.appliesTo('read')]).toEqual([
      true,
      true,
      false,
    ]);
  });
});
