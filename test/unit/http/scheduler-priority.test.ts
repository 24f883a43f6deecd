import { describe, expect, it } from '@jest/globals';
import { testScheduler } from './attempts.js';
import { hubspotLike } from './example-policies.js';
import { FakeClock } from './fake-clock.js';

const onePerSecond = { ...hubspotLike, windows: [{ name: 'ten-secondly', limit: 1, intervalMs: 1_000 }] };

describe('request priority', () => {
  it('a more urgent request waiting for the window takes the next free slot before earlier ones', async () => {
    const clock = new FakeClock();
    const scheduler = testScheduler(clock, onePerSecond);
    const order: string[] = [];
    const send = (name: string, priority?: number) =>
      scheduler.run(
        'read',
        name,
        async () => void order.push(name),
        priority === undefined ? {} : { priority },
      );
    const all = Promise.all([send('bulk 1'), send('bulk 2'), send('bulk 3'), send('next page', 1)]);
    await clock.settle(all);
    expect(order).toEqual(['bulk 1', 'next page', 'bulk 2', 'bulk 3']);
  });

  it('without priorities requests keep their order', async () => {
    const clock = new FakeClock();
    const scheduler = testScheduler(clock, onePerSecond);
    const order: string[] = [];
    const send = (name: string) => scheduler.run('read', name, async () => void order.push(name));
    await clock.settle(Promise.all([send('a'), send('b'), send('c')]));
    expect(order).toEqual(['a', 'b', 'c']);
  });
});
