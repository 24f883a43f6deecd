import { describe, expect, it } from '@jest/globals';
import { LevelLookup } from '../../../src/predictive/level-lookup.js';

/** A lookup whose resolver counts its calls: the feature index is the text's length. */
function countingLookup(): { lookup: LevelLookup; calls: () => number } {
  let calls = 0;
  const lookup = new LevelLookup((text) => {
    calls++;
    return text.length;
  });
  return { lookup, calls: () => calls };
}

/** A new string of the same text, as a parser would give it. */
const copy = (text: string) => Buffer.from(text).toString();

describe('LevelLookup', () => {
  it('resolves each distinct text once, however many cells and string copies hold it', () => {
    const { lookup, calls } = countingLookup();
    const texts = ['No', 'Yes', 'Landing Page Submission', ''];
    for (let i = 0; i < 1000; i++) expect(lookup.indexOf(copy(texts[i % 4]!))).toBe(texts[i % 4]!.length);
    expect(calls()).toBe(4);
  });

  it('tells apart texts alike in every character it samples', () => {
    // 14 characters: sampled at 0, 3, 7, 10 and 13, so these differ only where no sample looks.
    const lookup = new LevelLookup((text) => Number(text.slice(1, 3)));
    const texts = Array.from({ length: 100 }, (_, k) => `x${String(k).padStart(2, '0')}=-same-tail`);
    for (let round = 0; round < 2; round++)
      texts.forEach((text, k) => expect(lookup.indexOf(copy(text))).toBe(k));
  });

  it('keeps answering past the number of texts it remembers', () => {
    const { lookup, calls } = countingLookup();
    const texts = Array.from({ length: 10_000 }, (_, k) => `text ${k}`);
    for (let round = 0; round < 2; round++)
      for (const text of texts) expect(lookup.indexOf(text)).toBe(text.length);
    expect(calls()).toBeGreaterThan(texts.length);
    expect(calls()).toBeLessThan(2 * texts.length);
  });
});
