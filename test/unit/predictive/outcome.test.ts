import { describe, expect, it } from '@jest/globals';
import { parseOutcome } from '../../../src/predictive/outcome.js';

describe('parseOutcome', () => {
  it.each(['1', 'yes', 'Yes', 'TRUE', ' true ', 'y', '1.0', true, 1])('reads %p as converted', (value) => {
    expect(parseOutcome(value)).toBe(1);
  });

  it.each(['0', 'no', 'NO', 'False', '  0 ', 'n', '0.0', false, 0])('reads %p as not converted', (value) => {
    expect(parseOutcome(value)).toBe(0);
  });

  it.each(['', '   ', 'n/a', null, undefined])('reads %p as missing', (value) => {
    expect(parseOutcome(value)).toBe('missing');
  });

  it.each(['maybe', '2', 'won', '-1', 0.5, {}])('refuses %p', (value) => {
    expect(parseOutcome(value)).toBe('invalid');
  });
});
