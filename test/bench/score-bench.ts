/**
 * `npm run build && npm run bench:score [-- --leads N --activities N --jre-sample N --chunk N]`
 *
 * 1. Scores N synthetic leads (default 1,000,000 × 20 activities) with the default model. Leads are
 *    generated in small chunks, so memory stays bounded and each chunk is still in the CPU cache when
 *    it is scored, as a lead is in the CLI right after its line was parsed; only the scoreLead calls
 *    are timed. The same scoring is then timed on leads generated in large chunks and collected
 *    beforehand (cold cache), for comparison.
 * 2. Runs the default model's fit rules (plus the profile-based negative rules) through
 *    json-rules-engine and through our engine on the same leads (a sample), checks that both give
 *    every lead the same fit points, and prints the speed ratios.
 *
 * This file reads the arguments, runs the parts and prints the figures; see score-timing.ts,
 * json-rules-engine-fit.ts and fit-comparison.ts for what is measured.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadModel } from '../../src/scoring/load-model.js';
import { defaultModelPath, packageRoot } from '../../src/util/package-root.js';
import { fmt, seconds, wholeNumber } from './bench-format.js';
import { checkAgreement, timeJre } from './fit-comparison.js';
import { fitOnlyModel, jreEngine, profileRules } from './json-rules-engine-fit.js';
import { gc, measureScoring, timeOurs } from './score-timing.js';
import type { LeadSet } from './score-timing.js';
import { DEFAULT_NOW, DEFAULT_SEED } from './synthetic-leads.js';

const TARGET_LEADS_PER_SECOND = 300_000;
const TARGET_RATIO_VS_JRE = 20;

const { values: args } = parseArgs({
  options: {
    leads: { type: 'string', default: '1000000' },
    activities: { type: 'string', default: '20' },
    'jre-sample': { type: 'string', default: '100000' },
    chunk: { type: 'string', default: '100' },
    'cold-chunk': { type: 'string', default: '10000' },
    'cold-leads': { type: 'string', default: '200000' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    /** Internal: time `full` or `fit-only` scoring of the sample and print the nanoseconds (in a child process). */
    'time-model': { type: 'string' },
  },
});
const LEADS = wholeNumber('leads', args.leads);
const ACTIVITIES = wholeNumber('activities', args.activities, 0);
const CHUNK = wholeNumber('chunk', args.chunk);
const COLD_CHUNK = wholeNumber('cold-chunk', args['cold-chunk']);
const COLD_LEADS = Math.min(wholeNumber('cold-leads', args['cold-leads'], 0), LEADS);
const SEED = wholeNumber('seed', args.seed, 0);
const JRE_SAMPLE = Math.min(wholeNumber('jre-sample', args['jre-sample'], 0), LEADS);
const NOW = DEFAULT_NOW;
const LEAD_SET: LeadSet = { activitiesPerLead: ACTIVITIES, seed: SEED, now: NOW };

const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT MET');

/**
 * Our engine is timed on the sample in a fresh process per model, as json-rules-engine is in a
 * process where nothing else ran: a process scores with one model (a second model through
 * scoreLead makes the JIT's code polymorphic), and the heap is not left full by part 1.
 */
function timeInChild(model: 'full' | 'fit-only'): bigint {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2), '--time-model', model],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (child.status !== 0)
    throw new Error(`bench: ${model} child process failed (${child.status ?? child.signal})`);
  return BigInt(child.stdout.trim());
}

async function main(): Promise<void> {
  const modelPath = defaultModelPath();
  const loaded = await loadModel(modelPath);
  const compiled = loaded.compiled;
  if (args['time-model'] !== undefined) {
    const model = args['time-model'] === 'fit-only' ? fitOnlyModel(loaded.model) : compiled;
    console.log(String(timeOurs(model, LEAD_SET, JRE_SAMPLE, CHUNK)));
    return;
  }
  const jreVersion = (
    JSON.parse(readFileSync(join(packageRoot(), 'node_modules/json-rules-engine/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;

  console.log(`leadscore scoring benchmark — Node ${process.version}, ${process.platform}/${process.arch}`);
  console.log(`model: ${modelPath.replace(packageRoot() + '/', '')} (${compiled.ref})`);
  console.log(
    `leads: ${fmt(LEADS)} synthetic leads × ${ACTIVITIES} activities (seed ${SEED}, now ${NOW.toISOString()})`,
  );

  // 1. Our engine, full model, all leads. -----------------------------------------------------
  const hot = await measureScoring(compiled, LEAD_SET, LEADS, CHUNK, false);
  const rate = LEADS / hot.scoringS;
  const pct = (n: number) => `${fmt((100 * n) / LEADS, 1)} %`;
  console.log('\n1. Our engine, full default model');
  console.log(
    `   scored ${fmt(LEADS)} leads in ${fmt(hot.scoringS, 3)} s of scoreLead calls, generated in chunks of ` +
      `${fmt(CHUNK)} (whole phase incl. generation: ${fmt(hot.wallS, 1)} s)`,
  );
  console.log(
    `   → ${fmt(rate)} leads/s on one core (single thread)   target ≥ ${fmt(TARGET_LEADS_PER_SECOND)}: ${verdict(rate >= TARGET_LEADS_PER_SECOND)}`,
  );
  console.log(
    `   → ${fmt((hot.scoringS * 1e6) / LEADS, 2)} µs per lead, of which GC pauses ${fmt((100 * hot.gcS) / hot.scoringS, 1)} %; ` +
      `process CPU ${fmt(hot.cpuS / hot.scoringS, 2)} × the timed wall time (GC helper threads)`,
  );
  console.log(`   peak RSS: ${fmt(peakRssMb(), 1)} MB (process.resourceUsage().maxRSS)`);
  console.log(
    `   results: mql ${pct(hot.statuses.mql!)}, nurture ${pct(hot.statuses.nurture!)}, disqualified ${pct(hot.statuses.disqualified!)}; ` +
      `grades A ${pct(hot.grades.A!)}, B ${pct(hot.grades.B!)}, C ${pct(hot.grades.C!)}, D ${pct(hot.grades.D!)}; ` +
      `mean score ${fmt(hot.scoreSum / LEADS, 2)}, mean reasons ${fmt(hot.reasonsChars / LEADS, 1)} chars`,
  );
  if (COLD_LEADS > 0) {
    const cold = await measureScoring(compiled, LEAD_SET, COLD_LEADS, COLD_CHUNK, gc !== undefined);
    const coldRate = COLD_LEADS / cold.scoringS;
    console.log(
      `   cold cache, for comparison: the first ${fmt(COLD_LEADS)} of these leads in chunks of ${fmt(COLD_CHUNK)}` +
        `${gc ? ', collected before each chunk' : ''}: ${fmt(coldRate)} leads/s (${fmt((cold.scoringS * 1e6) / COLD_LEADS, 2)} µs per lead)`,
    );
  }
  console.log(`   peak RSS after part 1: ${fmt(peakRssMb(), 1)} MB`);

  // 2. Fit rules: json-rules-engine vs our engine, on a sample of the same leads. ---------------
  if (JRE_SAMPLE === 0) return;
  const rules = profileRules(loaded.model);
  const ids = new Set(rules.map((r) => r.id));
  const engine = jreEngine(loaded.model);
  const fitOnly = fitOnlyModel(loaded.model);
  // Separate passes over the same leads, so that each engine runs undisturbed by the others;
  // ours in processes of their own (see timeInChild).
  const jre = await timeJre(engine, LEAD_SET, JRE_SAMPLE, CHUNK);
  const fitNs = timeInChild('fit-only');
  const fullNs = timeInChild('full');
  const agreement = checkAgreement(
    { fitOnly, full: compiled },
    ids,
    jre.outcomes,
    LEAD_SET,
    JRE_SAMPLE,
    CHUNK,
  );

  const jreRate = JRE_SAMPLE / seconds(jre.ns);
  const fitRate = JRE_SAMPLE / seconds(fitNs);
  const fullRate = JRE_SAMPLE / seconds(fullNs);
  const sampleNote =
    JRE_SAMPLE < LEADS
      ? `the first ${fmt(JRE_SAMPLE)} of the same leads (a sample: json-rules-engine is slow)`
      : `the same ${fmt(JRE_SAMPLE)} leads`;

  console.log(`\n2. Fit rules: json-rules-engine ${jreVersion} vs our engine, on ${sampleNote}`);
  console.log(
    `   ${rules.length} rules: fit (${loaded.model.fit.map((r) => r.id).join(', ')}) + profile negatives ` +
      `(${loaded.model.negative
        .filter((r) => r.when !== undefined)
        .map((r) => r.id)
        .join(', ')}); ${fmt(agreement.firedTotal / JRE_SAMPLE, 2)} rules fire per lead on average`,
  );
  console.log(
    `   json-rules-engine: conditions translated from the model, custom operators inText (case-insensitive in) and matches (regex),\n` +
      `   emailDomain as a dynamic fact, the lead object as the facts, one awaited engine.run() per lead`,
  );
  const row = (label: string, leadsPerS: number, extra = '') =>
    console.log(`   ${label.padEnd(44)} ${fmt(leadsPerS).padStart(11)} leads/s${extra}`);
  row('json-rules-engine, fit rules only', jreRate);
  row(
    'our engine, fit rules only (fit-only model)',
    fitRate,
    `   ×${fmt(fitRate / jreRate, 1)} json-rules-engine   target ≥ ${TARGET_RATIO_VS_JRE}×: ${verdict(fitRate / jreRate >= TARGET_RATIO_VS_JRE)}`,
  );
  row(
    'our engine, full model (fit + engagement…)',
    fullRate,
    `   ×${fmt(fullRate / jreRate, 1)} json-rules-engine   target ≥ ${TARGET_RATIO_VS_JRE}×: ${verdict(fullRate / jreRate >= TARGET_RATIO_VS_JRE)}`,
  );
  console.log(
    `   (full model on all ${fmt(LEADS)} leads, part 1: ${fmt(rate)} leads/s = ×${fmt(rate / jreRate, 1)} json-rules-engine fit-only)`,
  );
  console.log(
    `   agreement on fit points and fired rules: fit-only model ${fmt(agreement.fitOnly)} / ${fmt(JRE_SAMPLE)} leads, ` +
      `full model ${fmt(agreement.full)} / ${fmt(JRE_SAMPLE)} leads`,
  );
  if (agreement.disagreements.length) {
    console.log('   DISAGREEMENTS (first 5):');
    for (const d of agreement.disagreements) console.log(d);
    process.exitCode = 1;
  }
  console.log(`\npeak RSS of the whole run: ${fmt(peakRssMb(), 1)} MB`);
}

await main();
