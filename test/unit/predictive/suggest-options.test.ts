import { describe, expect, it } from '@jest/globals';
import { parseTarget } from '../../../src/cli/suggest-options.js';

describe('parseTarget', () => {
  it('reads --target-mqls as a count or a share', () => {
    expect(parseTarget('200', undefined)).toEqual({ kind: 'mqls', count: 200 });
    expect(parseTarget('15%', undefined)).toEqual({ kind: 'share', share: 0.15 });
  });

  it('reads --target-precision as a fraction or a percentage', () => {
    expect(parseTarget(undefined, '0.4')).toEqual({ kind: 'precision', precision: 0.4 });
    expect(parseTarget(undefined, '40 %')).toEqual({ kind: 'precision', precision: 0.4 });
  });

  it('maximises F1 without a target', () => {
    expect(parseTarget(undefined, undefined)).toEqual({ kind: 'f1' });
  });

  it.each([
    ['0', undefined],
    ['lots', undefined],
    ['150%', undefined],
    [undefined, '1.5'],
    ['10', '0.5'],
  ])('refuses --target-mqls %s --target-precision %s', (mqls, precision) => {
    expect(() => parseTarget(mqls, precision)).toThrow(
      expect.objectContaining({ code: 'USAGE', exitCode: 2 }),
    );
  });
});
