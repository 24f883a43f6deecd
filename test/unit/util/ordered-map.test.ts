import { describe, expect, it } from '@jest/globals';
import { orderedMap } from '../../../src/util/ordered-map.js';

async function* numbers(n: number, pulled: number[] = []): AsyncGenerator<number> {
  for (let i = 0; i < n; i++) {
    pulled.push(i);
    yield i;
  }
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function collect<T>(source: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of source) all.push(item);
  return all;
}

describe('orderedMap', () => {
  it('yields the results in the order of the source even when later mappings finish first', async () => {
    const result = await collect(orderedMap(numbers(6), async (i) => (await delay((6 - i) * 5), i * 10), 3));
    expect(result).toEqual([0, 10, 20, 30, 40, 50]);
  });

  it('runs at most `concurrency` mappings at once', async () => {
    let running = 0;
    let most = 0;
    await collect(
      orderedMap(
        numbers(10),
        async (i) => {
          running++;
          most = Math.max(most, running);
          await delay(5);
          running--;
          return i;
        },
        2,
      ),
    );
    expect(most).toBe(2);
  });

  it('pulls the source only as far as the window: a consumer that stops early leaves the rest unread', async () => {
    const pulled: number[] = [];
    for await (const value of orderedMap(numbers(100, pulled), async (i) => i, 2)) {
      if (value === 3) break;
    }
    expect(pulled.length).toBeLessThanOrEqual(6);
  });

  it('a failed mapping surfaces in order, after the results before it', async () => {
    const seen: number[] = [];
    const run = async () => {
      for await (const value of orderedMap(
        numbers(5),
        async (i) => {
          if (i === 2) throw new Error('page 2 failed');
          return i;
        },
        3,
      ))
        seen.push(value);
    };
    await expect(run()).rejects.toThrow('page 2 failed');
    expect(seen).toEqual([0, 1]);
  });

  it('a failing source delivers the results read before it first, then the failure', async () => {
    async function* failing() {
      yield 1;
      yield 2;
      throw new Error('daily limit');
    }
    const seen: number[] = [];
    const run = async () => {
      for await (const value of orderedMap(failing(), async (i) => i, 4)) seen.push(value);
    };
    await expect(run()).rejects.toThrow('daily limit');
    expect(seen).toEqual([1, 2]);
  });
});
