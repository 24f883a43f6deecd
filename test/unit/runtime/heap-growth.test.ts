import { describe, expect, it } from '@jest/globals';
import { getHeapStatistics } from 'node:v8';
import { HEAP_GROWING_PERCENT, limitHeapGrowth } from '../../../src/runtime/heap-growth.js';

describe('limitHeapGrowth', () => {
  it('sets the growth percent when the operator gave none', () => {
    expect(limitHeapGrowth([], undefined)).toBe(HEAP_GROWING_PERCENT);
    // The flag is accepted at run time: the heap keeps working after it is set.
    expect(getHeapStatistics().used_heap_size).toBeGreaterThan(0);
  });

  it("leaves V8 alone when node's command line gives the flag", () => {
    expect(limitHeapGrowth(['--heap-growing-percent=100'], undefined)).toBeUndefined();
    expect(limitHeapGrowth(['--heap-growing-percent', '100'], undefined)).toBeUndefined();
  });

  it('leaves V8 alone when NODE_OPTIONS gives the flag', () => {
    expect(limitHeapGrowth([], '--experimental-vm-modules --heap-growing-percent=20')).toBeUndefined();
  });

  it('does not mistake another flag for it', () => {
    expect(limitHeapGrowth(['--heap-growing-percentage-x'], '--max-old-space-size=512')).toBe(
      HEAP_GROWING_PERCENT,
    );
  });
});
