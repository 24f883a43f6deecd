import type { Command } from 'commander';
import type { CliIo } from './cli-io.js';
import { lineWriter } from './cli-io.js';
import { formatLocation, UsageError } from '../util/errors.js';
import { lintModel } from '../scoring/lint-model.js';
import { loadModel } from '../scoring/load-model.js';
import { reachableScore } from '../scoring/reachable-score.js';
import { defaultModelPath } from '../util/package-root.js';

export function registerValidateCommand(program: Command, io: CliIo): void {
  program
    .command('validate')
    .description('Check a scoring model: errors (exit 2) and warnings about rules that cannot work as meant')
    .option('-m, --model <file>', 'scoring model (YAML)', defaultModelPath())
    .option('--strict', 'treat warnings as errors (exit 2)')
    .addHelpText(
      'after',
      '\nExamples:\n  leadscore validate\n  leadscore validate --model config/examples/points-table.yaml --strict',
    )
    .action(async (options: { model: string; strict?: boolean }) => {
      const loaded = await loadModel(options.model);
      const { model } = loaded;
      const warnings = lintModel(loaded);
      const reach = reachableScore(model);
      const out = lineWriter(io.stdout);
      out(`${options.model}: model ${loaded.compiled.ref} is valid`);
      out(
        `  ${model.fit.length} fit, ${model.engagement.length} engagement and ${model.negative.length} negative rules; ` +
          `${model.mql.accept.length} acceptance and ${model.mql.exclude.length} exclusion criteria`,
      );
      const unbounded = reach.unbounded.length ? ` (uncapped: ${reach.unbounded.join(', ')})` : '';
      out(
        `  highest reachable score ${points(reach.score)} (fit ${points(reach.fit)}, engagement ${points(reach.engagement)}${unbounded}); MQL threshold ${model.mql.threshold}`,
      );
      for (const w of warnings) out(`warning: ${formatLocation(w)}: ${w.message}`);
      if (warnings.length && options.strict) {
        throw new UsageError(`${warnings.length} warning${warnings.length === 1 ? '' : 's'} with --strict`);
      }
    });
}

function points(value: number): string {
  return Number.isFinite(value) ? String(value) : 'unbounded';
}
