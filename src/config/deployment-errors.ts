import { EXIT, LeadscoreError, formatLocation } from '../util/errors.js';
import type { ModelProblem } from '../util/errors.js';

/** A deployment configuration that cannot be used; lists every problem as `file:line: path: message`. */
export class DeploymentConfigError extends LeadscoreError {
  constructor(readonly problems: ModelProblem[]) {
    super('CONFIG_INVALID', problems.map((p) => `${formatLocation(p)}: ${p.message}`).join('\n'), EXIT.invalid);
  }
}
