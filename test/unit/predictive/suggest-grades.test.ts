import { describe, expect, it } from '@jest/globals';
import { suggestGrades } from '../../../src/predictive/suggest-grades.js';

describe('suggestGrades', () => {
  it('starts A at the top fifth of fit, B at the median and C at the bottom fifth', () => {
    const fits = Array.from({ length: 10 }, (_, i) => i * 5);
    expect(suggestGrades(fits)).toEqual({
      grades: { A: 40, B: 25, C: 10 },
      shares: { A: 0.2, B: 0.3, C: 0.3, D: 0.2 },
    });
  });

  it('keeps A above B above C when fit takes few values', () => {
    const grades = suggestGrades([0, 0, 0, 0, 0, 0, 0, 0, 15, 15])!.grades;
    expect(grades.A).toBeGreaterThan(grades.B);
    expect(grades.B).toBeGreaterThan(grades.C);
  });

  it('leaves grades to the defaults when every lead has the same fit', () => {
    expect(suggestGrades([0, 0, 0])).toBeUndefined();
  });
});
