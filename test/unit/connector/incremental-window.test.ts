import { describe, expect, it } from '@jest/globals';
import { INCREMENTAL_OVERLAP_MS, incrementalWindow } from '../../../src/connector/incremental-window.js';

const at = (iso: string) => new Date(iso);
const ms = (iso: string) => Date.parse(iso);

describe('incrementalWindow', () => {
  it('starts a first read five minutes before `since`, its high-water mark at the run start', () => {
    expect(incrementalWindow(undefined, at('2026-06-15T12:00:00Z'), at('2026-06-15T13:00:00Z'))).toEqual({
      since: ms('2026-06-15T11:55:00Z'),
      highWater: ms('2026-06-15T13:00:00Z'),
    });
  });

  it('starts the read after a finished one five minutes before its high-water mark, whatever `since` says', () => {
    const previous = ms('2026-06-15T12:30:00Z');
    expect(incrementalWindow(previous, at('2026-01-01T00:00:00Z'), undefined).since).toBe(
      previous - INCREMENTAL_OVERLAP_MS,
    );
  });

  it('reads everything when there is neither an earlier read nor a full run: from the epoch', () => {
    expect(incrementalWindow(undefined, undefined, undefined)).toEqual({ since: 0, highWater: 0 });
  });

  it('never starts the high-water mark before the window itself (a run start behind the overlap)', () => {
    const window = incrementalWindow(ms('2026-06-15T12:00:00Z'), undefined, at('2026-06-15T11:00:00Z'));
    expect(window.highWater).toBe(window.since);
  });
});
