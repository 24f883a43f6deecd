import { describe, expect, it } from '@jest/globals';
import { readAhead } from '../../../src/sync/read-ahead.js';

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('readAhead', () => {
  it('delivers every item in order', async () => {
    async function* source() {
      for (let i = 0; i < 5; i++) yield i;
    }
    const seen: number[] = [];
    for await (const item of readAhead(source(), 2)) seen.push(item);
    expect(seen).toEqual([0, 1, 2, 3, 4]);
  });

  it('reads the next item while the consumer is still busy with the current one', async () => {
    const events: string[] = [];
    async function* source() {
      for (let i = 0; i < 3; i++) {
        events.push(`read ${i}`);
        yield i;
      }
    }
    for await (const item of readAhead(source(), 1)) {
      events.push(`commit ${item} start`);
      await delay(5);
      events.push(`commit ${item} end`);
    }
    expect(events.indexOf('read 1')).toBeLessThan(events.indexOf('commit 0 end'));
  });

  it('never holds more than `depth` items ahead of the consumer', async () => {
    let produced = 0;
    let consumed = 0;
    let mostAhead = 0;
    async function* source() {
      for (let i = 0; i < 20; i++) {
        produced++;
        mostAhead = Math.max(mostAhead, produced - consumed);
        yield i;
      }
    }
    for await (const item of readAhead(source(), 2)) {
      consumed++;
      void item;
      await delay(1);
    }
    expect(mostAhead).toBeLessThanOrEqual(3);
  });

  it('a read failure reaches the consumer after the items read before it', async () => {
    async function* source() {
      yield 1;
      yield 2;
      throw new Error('the CRM went away');
    }
    const seen: number[] = [];
    const run = async () => {
      for await (const item of readAhead(source(), 2)) seen.push(item);
    };
    await expect(run()).rejects.toThrow('the CRM went away');
    expect(seen).toEqual([1, 2]);
  });
});
