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
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance, PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Engine } from 'json-rules-engine';
import type { Almanac, Event, RuleProperties, TopLevelCondition } from 'json-rules-engine';
import type { Lead } from '../../src/model/lead.js';
import type { Condition } from '../../src/scoring/condition-schema.js';
import { BUILTIN_LISTS, compileModel } from '../../src/scoring/compile-model.js';
import type { CompiledModel } from '../../src/scoring/compile-model.js';
import { emailDomainOf } from '../../src/scoring/lead-fields.js';
import { loadModel } from '../../src/scoring/load-model.js';
import type { ScoringModel } from '../../src/scoring/model-schema.js';
import { scoreLead } from '../../src/scoring/score-lead.js';
import type { ScoreResult } from '../../src/scoring/score-result.js';
import { defaultModelPath, packageRoot } from '../../src/util/package-root.js';
import { DEFAULT_NOW, DEFAULT_SEED, syntheticLeads } from './synthetic-leads.js';

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
const wholeNumber = (name: string, text: string | undefined, min = 1): number => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`--${name}: expected a whole number ≥ ${min}, got ${text}`);
  return n;
};
const LEADS = wholeNumber('leads', args.leads);
const ACTIVITIES = wholeNumber('activities', args.activities, 0);
const CHUNK = wholeNumber('chunk', args.chunk);
const COLD_CHUNK = wholeNumber('cold-chunk', args['cold-chunk']);
const COLD_LEADS = Math.min(wholeNumber('cold-leads', args['cold-leads'], 0), LEADS);
const SEED = wholeNumber('seed', args.seed, 0);
const JRE_SAMPLE = Math.min(wholeNumber('jre-sample', args['jre-sample'], 0), LEADS);
const NOW = DEFAULT_NOW;

const gc = (globalThis as { gc?: (options?: { type: 'minor' | 'major' }) => void }).gc;

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const seconds = (ns: bigint) => Number(ns) / 1e9;
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT MET');

/**
 * Garbage-collection pauses that fall inside timed sections: part of the cost of scoring (its
 * results are garbage), reported so that the figure can be read. GC entries arrive asynchronously,
 * so windows are recorded while timing and matched with the entries afterwards.
 */
class GcAccount {
  private readonly entries: { start: number; end: number }[] = [];
  private readonly windows: { start: number; end: number }[] = [];
  private readonly observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      this.entries.push({ start: e.startTime, end: e.startTime + e.duration });
  });
  constructor() {
    this.observer.observe({ entryTypes: ['gc'] });
  }
  window(start: number, end: number): void {
    this.windows.push({ start, end });
  }
  /** Milliseconds of GC inside the recorded windows. */
  async total(): Promise<number> {
    await new Promise((resolve) => setTimeout(resolve, 50));
    this.observer.disconnect();
    let ms = 0;
    let w = 0;
    for (const e of this.entries) {
      while (w < this.windows.length && this.windows[w]!.end < e.start) w++;
      const win = this.windows[w];
      if (win && e.start >= win.start) ms += Math.min(e.end, win.end) - e.start;
    }
    return ms;
  }
}

/** Yields the same leads (the first `count` of the seeded sequence) in arrays of `size`. */
function* chunks(count: number, size: number): Generator<Lead[]> {
  const source = syntheticLeads(count, { activitiesPerLead: ACTIVITIES, seed: SEED, now: NOW });
  let chunk: Lead[] = [];
  for (const lead of source) {
    chunk.push(lead);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length) yield chunk;
}

interface Measurement {
  leads: number;
  scoringS: number;
  wallS: number;
  cpuS: number;
  gcS: number;
  statuses: Record<string, number>;
  grades: Record<string, number>;
  scoreSum: number;
  reasonsChars: number;
}

/**
 * Times scoreLead over `count` leads generated in chunks of `size`. With `collectFirst`, the
 * generation garbage is collected before each timed chunk (two minor GCs, which also move the chunk
 * to the old generation); without it, GC pauses inside the timed calls are reported instead.
 */
async function measureScoring(
  model: CompiledModel,
  count: number,
  size: number,
  collectFirst: boolean,
): Promise<Measurement> {
  const m: Measurement = {
    leads: count,
    scoringS: 0,
    wallS: 0,
    cpuS: 0,
    gcS: 0,
    statuses: { mql: 0, nurture: 0, disqualified: 0 },
    grades: { A: 0, B: 0, C: 0, D: 0 },
    scoreSum: 0,
    reasonsChars: 0,
  };
  const { statuses, grades } = m;
  const gcAccount = new GcAccount();
  let scoringNs = 0n;
  let cpuMicros = 0;
  const wallStart = process.hrtime.bigint();
  for (const chunk of chunks(count, size)) {
    if (collectFirst) {
      gc?.({ type: 'minor' });
      gc?.({ type: 'minor' });
    }
    const windowStart = performance.now();
    const cpu = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    // Each result is used and dropped at once, as a streaming writer would: the tally is timed too.
    for (let i = 0; i < chunk.length; i++) {
      const r = scoreLead(model, chunk[i]!, NOW);
      statuses[r.status]!++;
      grades[r.grade]!++;
      m.scoreSum += r.score;
      m.reasonsChars += r.reasons.length;
    }
    scoringNs += process.hrtime.bigint() - t0;
    gcAccount.window(windowStart, performance.now());
    const used = process.cpuUsage(cpu);
    cpuMicros += used.user + used.system;
  }
  m.wallS = seconds(process.hrtime.bigint() - wallStart);
  m.scoringS = seconds(scoringNs);
  m.cpuS = cpuMicros / 1e6;
  m.gcS = (await gcAccount.total()) / 1000;
  return m;
}

// ---------------------------------------------------------------------------------------------
// The fit rules as json-rules-engine rules
// ---------------------------------------------------------------------------------------------

type JreCondition = Extract<TopLevelCondition, { all: unknown }>['all'][number];

/** Multi-valued facts (techStack) match when any element does, as in our engine. */
function anyElement(value: unknown, test: (element: unknown) => boolean): boolean {
  return Array.isArray(value) ? value.some(test) : test(value);
}

const lowerSets = new WeakMap<readonly string[], Set<string>>();
const regexes = new Map<string, RegExp>();

/**
 * Case-insensitive `in` and a regex `matches`: the two operators the fit rules need that
 * json-rules-engine does not have. Sets and regexes are built once per rule value, not per lead,
 * so that json-rules-engine is measured at its best.
 */
function addTextOperators(engine: Engine): void {
  engine.addOperator('inText', (fact: unknown, list: readonly string[]) => {
    let set = lowerSets.get(list);
    if (!set) lowerSets.set(list, (set = new Set(list.map((v) => v.trim().toLowerCase()))));
    const keys = set;
    return anyElement(fact, (x) => typeof x === 'string' && keys.has(x.trim().toLowerCase()));
  });
  engine.addOperator('matches', (fact: unknown, source: string) => {
    let pattern = regexes.get(source);
    if (!pattern) regexes.set(source, (pattern = new RegExp(source, 'i')));
    const re = pattern;
    return anyElement(fact, (x) => typeof x === 'string' && re.test(x.trim()));
  });
}

/** Translates one of our conditions; throws on an operator the fit rules do not use. */
function toJre(condition: Condition, lists: (name: string) => readonly string[]): JreCondition {
  switch (condition.kind) {
    case 'all':
      return { all: condition.of.map((c) => toJre(c, lists)) };
    case 'any':
      return { any: condition.of.map((c) => toJre(c, lists)) };
    case 'not':
      return { not: toJre(condition.of, lists) };
    case 'leaf': {
      const { field: fact, op, value } = condition;
      switch (op) {
        case 'in': {
          const list = Array.isArray(value) ? (value as string[]) : lists((value as { list: string }).list);
          return { fact, operator: 'inText', value: list.map((v) => String(v).toLowerCase()) };
        }
        case 'matches':
          return { fact, operator: 'matches', value };
        case 'equals':
          if (typeof value !== 'boolean') break;
          return { fact, operator: 'equal', value };
        case 'between': {
          const [low, high] = value as [number, number];
          return {
            all: [
              { fact, operator: 'greaterThanInclusive', value: low },
              { fact, operator: 'lessThanInclusive', value: high },
            ],
          };
        }
      }
      throw new Error(`bench: no json-rules-engine translation for '${op}' on '${fact}'`);
    }
  }
}

function topLevel(condition: JreCondition): TopLevelCondition {
  return 'all' in condition || 'any' in condition || 'not' in condition
    ? (condition as TopLevelCondition)
    : { all: [condition] };
}

/** The model's fit rules and its `when` negative rules: everything decided by the profile alone. */
function profileRules(model: ScoringModel) {
  return [...model.fit, ...model.negative.filter((r) => r.when !== undefined)] as {
    id: string;
    points: number;
    when: Condition;
  }[];
}

function jreEngine(model: ScoringModel): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  addTextOperators(engine);
  // The derived field, as a dynamic fact computed from the `email` fact.
  engine.addFact('emailDomain', async (_params: Record<string, unknown>, almanac: Almanac) =>
    emailDomainOf(await almanac.factValue<string | undefined>('email')),
  );
  const lists = (name: string) => {
    const list = model.lists[name] ?? BUILTIN_LISTS[name];
    if (!list) throw new Error(`bench: unknown list '${name}'`);
    return list;
  };
  for (const rule of profileRules(model)) {
    const jreRule: RuleProperties = {
      name: rule.id,
      conditions: topLevel(toJre(rule.when, lists)),
      event: { type: rule.id, params: { points: rule.points } },
    };
    engine.addRule(jreRule);
  }
  return engine;
}

/** A model with only the profile rules: what json-rules-engine is asked to do, compiled by us. */
function fitOnlyModel(model: ScoringModel): CompiledModel {
  return compileModel({
    ...model,
    id: `${model.id}-fit-only`,
    engagement: [],
    negative: model.negative.filter((r) => r.when !== undefined),
    mql: { threshold: model.mql.threshold, accept: [], exclude: [] },
  });
}

/** `rule:points` of the fired profile rules, sorted, and their sum (before any cap). */
interface FitOutcome {
  points: number;
  fired: string;
}
function ourOutcome(result: ScoreResult, ids: ReadonlySet<string>): FitOutcome {
  let points = 0;
  const fired: string[] = [];
  for (const c of result.contributions) {
    if (!ids.has(c.rule)) continue;
    points += c.points;
    fired.push(`${c.rule}:${c.points}`);
  }
  return { points, fired: fired.sort().join(' ') };
}
function jreOutcome(events: Event[]): FitOutcome {
  let points = 0;
  const fired: string[] = [];
  for (const e of events) {
    const p = e.params?.points as number;
    points += p;
    fired.push(`${e.type}:${p}`);
  }
  return { points, fired: fired.sort().join(' ') };
}

/** Scores the first `count` leads with `model`, dropping the results; returns the nanoseconds of the calls. */
function timeOurs(model: CompiledModel, count: number): bigint {
  let ns = 0n;
  let sink = 0;
  for (const chunk of chunks(count, CHUNK)) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < chunk.length; i++) sink += scoreLead(model, chunk[i]!, NOW).fit;
    ns += process.hrtime.bigint() - t0;
  }
  if (Number.isNaN(sink)) throw new Error('bench: NaN fit');
  return ns;
}

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

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const modelPath = defaultModelPath();
  const loaded = await loadModel(modelPath);
  const compiled = loaded.compiled;
  if (args['time-model'] !== undefined) {
    const model = args['time-model'] === 'fit-only' ? fitOnlyModel(loaded.model) : compiled;
    console.log(String(timeOurs(model, JRE_SAMPLE)));
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
  const hot = await measureScoring(compiled, LEADS, CHUNK, false);
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
    const cold = await measureScoring(compiled, COLD_LEADS, COLD_CHUNK, gc !== undefined);
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
  let jreNs = 0n;
  const jreOutcomes: FitOutcome[] = [];
  for (const chunk of chunks(JRE_SAMPLE, CHUNK)) {
    const events: Event[][] = new Array(chunk.length);
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < chunk.length; i++) {
      // The lead itself is the facts object: each of its fields becomes a fact.
      events[i] = (await engine.run(chunk[i] as unknown as Record<string, unknown>)).events;
    }
    jreNs += process.hrtime.bigint() - t0;
    for (const e of events) jreOutcomes.push(jreOutcome(e));
  }
  const fitNs = timeInChild('fit-only');
  const fullNs = timeInChild('full');

  // Untimed: the fired rules and fit points of every lead, ours (both models) against theirs.
  let agreeFitOnly = 0;
  let agreeFull = 0;
  let firedTotal = 0;
  const disagreements: string[] = [];
  let index = 0;
  for (const chunk of chunks(JRE_SAMPLE, CHUNK)) {
    for (const lead of chunk) {
      const theirs = jreOutcomes[index++]!;
      const ours = ourOutcome(scoreLead(fitOnly, lead, NOW), ids);
      const oursFull = ourOutcome(scoreLead(compiled, lead, NOW), ids);
      firedTotal += theirs.fired === '' ? 0 : theirs.fired.split(' ').length;
      if (ours.points === theirs.points && ours.fired === theirs.fired) agreeFitOnly++;
      if (oursFull.points === theirs.points && oursFull.fired === theirs.fired) agreeFull++;
      if ((ours.fired !== theirs.fired || oursFull.fired !== theirs.fired) && disagreements.length < 5) {
        disagreements.push(
          `   ${lead.ref.id}: json-rules-engine [${theirs.fired}] = ${theirs.points}; ` +
            `ours fit-only [${ours.fired}] = ${ours.points}; ours full [${oursFull.fired}] = ${oursFull.points}\n` +
            `     ${JSON.stringify({ ...lead, activities: undefined })}`,
        );
      }
    }
  }
  const jreRate = JRE_SAMPLE / seconds(jreNs);
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
        .join(', ')}); ${fmt(firedTotal / JRE_SAMPLE, 2)} rules fire per lead on average`,
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
    `   agreement on fit points and fired rules: fit-only model ${fmt(agreeFitOnly)} / ${fmt(JRE_SAMPLE)} leads, ` +
      `full model ${fmt(agreeFull)} / ${fmt(JRE_SAMPLE)} leads`,
  );
  if (disagreements.length) {
    console.log('   DISAGREEMENTS (first 5):');
    for (const d of disagreements) console.log(d);
    process.exitCode = 1;
  }
  console.log(`\npeak RSS of the whole run: ${fmt(peakRssMb(), 1)} MB`);
}

await main();
