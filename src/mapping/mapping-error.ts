import { EXIT, formatLocation, LeadscoreError } from '../util/errors.js';
import type { ModelProblem } from '../util/errors.js';

/** A mapping file that cannot be used: YAML syntax or schema; each problem names its file, line and path. */
export class MappingError extends LeadscoreError {
  constructor(readonly problems: ModelProblem[]) {
    super(
      'MAPPING_INVALID',
      problems.map((p) => `${formatLocation(p)}: ${p.message}`).join('\n'),
      EXIT.invalid,
    );
  }
}
