import { GRADES, SCORE_STATUSES } from '../model/lead.js';
import type { ScoreResult } from '../scoring/score-result.js';
import { formatPoints } from '../scoring/reasons.js';

const BANDS = [
  { label: '80+', min: 80 },
  { label: '60–79', min: 60 },
  { label: '40–59', min: 40 },
  { label: '20–39', min: 20 },
  { label: '< 20', min: Number.NEGATIVE_INFINITY },
];
const BAR_WIDTH = 30;
const REASONS_WIDTH = 72;

/** The `table` format: top leads and the distributions, in bounded memory however many leads stream by. */
export class ScoreSummary {
  private readonly top: ScoreResult[] = [];
  private count = 0;
  private scoreSum = 0;
  private readonly grades = new Map<string, number>(GRADES.map((g) => [g, 0]));
  private readonly statuses = new Map<string, number>(SCORE_STATUSES.map((s) => [s, 0]));
  private readonly bands = new Map<string, number>(BANDS.map((b) => [b.label, 0]));

  constructor(private readonly topSize: number) {}

  add(result: ScoreResult): void {
    this.count += 1;
    this.scoreSum += result.score;
    increment(this.grades, result.grade);
    increment(this.statuses, result.status);
    increment(this.bands, (BANDS.find((b) => result.score >= b.min) ?? BANDS[BANDS.length - 1]!).label);
    const last = this.top[this.top.length - 1];
    if (this.top.length < this.topSize || (last && result.score > last.score)) {
      if (this.top.length >= this.topSize) this.top.pop();
      const at = this.top.findIndex((r) => r.score < result.score);
      this.top.splice(at < 0 ? this.top.length : at, 0, result);
    }
  }

  render(explain: boolean): string {
    if (this.count === 0) return 'No leads in the input.\n';
    const lines: string[] = [];
    lines.push(
      `Top ${this.top.length} of ${this.count.toLocaleString('en-US')} leads by score (model ${this.top[0]?.model ?? ''})`,
      '',
    );
    const idWidth = Math.min(24, Math.max(2, ...this.top.map((r) => r.ref.id.length)));
    lines.push(`  ${'id'.padEnd(idWidth)}  score    fit    eng  grade  status        reasons`);
    for (const r of this.top) {
      lines.push(
        `  ${truncate(r.ref.id, idWidth).padEnd(idWidth)}  ${pad(r.score, 5)}  ${pad(r.fit, 5)}  ${pad(r.engagement, 5)}  ${r.grade.padEnd(5)}  ${r.status.padEnd(12)}  ${truncate(r.reasons, REASONS_WIDTH)}`,
      );
      if (explain) {
        for (const c of r.contributions)
          lines.push(
            `      ${formatPoints(c.points).padStart(5)}  ${c.label}${c.count > 1 ? ` ×${c.count}` : ''}  [${c.rule}, ${c.section}, decay ×${c.decay}${c.capped ? ', capped' : ''}]`,
          );
        for (const a of r.adjustments)
          lines.push(`      ${formatPoints(a.points).padStart(5)}  ${a.label}  [${a.kind}]`);
      }
    }
    lines.push('', `Mean score ${(this.scoreSum / this.count).toFixed(1)}`, '');
    lines.push(
      ...this.distribution('Grade', this.grades),
      '',
      ...this.distribution('Status', this.statuses),
      '',
      ...this.distribution('Score', this.bands),
    );
    return lines.join('\n') + '\n';
  }

  private distribution(title: string, counts: Map<string, number>): string[] {
    const lines = [`${title} distribution`];
    for (const [key, n] of counts) {
      const share = n / this.count;
      const bar = '█'.repeat(Math.round(share * BAR_WIDTH));
      lines.push(
        `  ${key.padEnd(13)} ${n.toLocaleString('en-US').padStart(9)}  ${(share * 100).toFixed(1).padStart(5)} %  ${bar}`,
      );
    }
    return lines;
  }
}

function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width);
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
