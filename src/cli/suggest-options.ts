import type { ThresholdTarget } from '../predictive/suggest-threshold.js';
import { UsageError } from '../util/errors.js';

const COUNT = /^\s*\d+\s*$/;
const PERCENT = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/;
const FRACTION = /^\s*(0?\.\d+|1(?:\.0*)?|0)\s*$/;

/**
 * `--target-mqls 200` (a count of leads) or `--target-mqls 15%` (a share of them);
 * `--target-precision 0.4` or `40%`. Neither: the best F1.
 */
export function parseTarget(mqls: string | undefined, precision: string | undefined): ThresholdTarget {
  if (mqls !== undefined && precision !== undefined)
    throw new UsageError(
      '--target-mqls and --target-precision: choose the threshold by one of them, not both',
    );
  if (mqls !== undefined) {
    const percent = PERCENT.exec(mqls);
    if (percent) {
      const share = Number(percent[1]) / 100;
      if (share > 0 && share <= 1) return { kind: 'share', share };
    } else if (COUNT.test(mqls) && Number(mqls) >= 1) return { kind: 'mqls', count: Number(mqls) };
    throw new UsageError(
      `--target-mqls: expected a number of MQLs (200) or a share of the leads (15%), got "${mqls}"`,
    );
  }
  if (precision !== undefined) {
    const percent = PERCENT.exec(precision);
    const fraction = FRACTION.exec(precision);
    const value = percent ? Number(percent[1]) / 100 : fraction ? Number(fraction[1]) : Number.NaN;
    if (value > 0 && value <= 1) return { kind: 'precision', precision: value };
    throw new UsageError(
      `--target-precision: expected a share of MQLs that convert, 0.4 or 40%, got "${precision}"`,
    );
  }
  return { kind: 'f1' };
}
