/** Distinct texts remembered at most; beyond that, a new text is resolved each time it occurs. */
const MOST_TEXTS = 4096;
/** Entries compared before giving up on a text (only texts alike in every sampled character collide). */
const MOST_PROBES = 8;
const FIRST_CAPACITY = 64;

/**
 * A categorical column dictionary-encoded as it is read: each distinct text is resolved (cleaned, looked up
 * among the model's levels) once, then found again in an open-addressing table keyed by its length and
 * five of its characters. A hit costs one string comparison; Map.get would hash every character of every
 * cell, since cells read from a file are distinct strings with no hash cached.
 */
export class LevelLookup {
  private texts: Array<string | undefined> = new Array<string | undefined>(FIRST_CAPACITY).fill(undefined);
  private results = new Int32Array(FIRST_CAPACITY);
  private size = 0;

  /** `resolve`: the feature index of a text (a pure function of its content). */
  constructor(private readonly resolve: (text: string) => number) {}

  indexOf(text: string): number {
    const texts = this.texts;
    const mask = texts.length - 1;
    let at = sampleHash(text) & mask;
    for (let probe = 0; probe < MOST_PROBES; probe++) {
      const known = texts[at];
      if (known === undefined) return this.add(text, at);
      if (known === text) return this.results[at]!;
      at = (at + 1) & mask;
    }
    return this.resolve(text);
  }

  private add(text: string, at: number): number {
    const result = this.resolve(text);
    if (this.size >= MOST_TEXTS) return result;
    this.texts[at] = text;
    this.results[at] = result;
    this.size++;
    if (2 * this.size > this.texts.length) this.grow();
    return result;
  }

  private grow(): void {
    const { texts, results } = this;
    this.texts = new Array<string | undefined>(2 * texts.length).fill(undefined);
    this.results = new Int32Array(2 * texts.length);
    const mask = this.texts.length - 1;
    texts.forEach((text, k) => {
      if (text === undefined) return;
      let at = sampleHash(text) & mask;
      while (this.texts[at] !== undefined) at = (at + 1) & mask;
      this.texts[at] = text;
      this.results[at] = results[k]!;
    });
  }
}

/** A hash of a text's length and its characters at 0, ¼, ½, ¾ and the end: cheap, and enough for labels. */
function sampleHash(text: string): number {
  const n = text.length;
  if (n === 0) return 0;
  let h = Math.imul(n, 0x9e3779b1) ^ text.charCodeAt(0);
  h = Math.imul(h ^ text.charCodeAt(n - 1), 0x85ebca6b);
  h = Math.imul(h ^ text.charCodeAt(n >> 1), 0xc2b2ae35);
  h = Math.imul(h ^ text.charCodeAt(n >> 2), 0x27d4eb2f);
  h ^= text.charCodeAt((3 * n) >> 2);
  return h ^ (h >>> 15);
}
