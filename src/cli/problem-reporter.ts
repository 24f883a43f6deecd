import { closeSync, openSync, writeSync } from 'node:fs';
import { formatProblem } from '../input/read-leads.js';
import type { InputProblem } from '../input/read-leads.js';

/**
 * Input problems never stop a run: the first few are shown on stderr, all of them can go to a
 * JSONL file (--problems), and the run ends with a count per kind.
 */
export class ProblemReporter {
  private readonly byCode = new Map<string, number>();
  private total = 0;
  private fd: number | undefined;
  private pending = '';

  constructor(
    private readonly log: (line: string) => void,
    private readonly showFirst: number,
    file?: string,
  ) {
    if (file) this.fd = openSync(file, 'w');
  }

  readonly report = (problem: InputProblem): void => {
    this.total += 1;
    this.byCode.set(problem.code, (this.byCode.get(problem.code) ?? 0) + 1);
    if (this.total <= this.showFirst) this.log(`warning: ${formatProblem(problem)}`);
    if (this.fd !== undefined) {
      this.pending += JSON.stringify(problem) + '\n';
      if (this.pending.length > 64 * 1024) this.drain();
    }
  };

  get count(): number {
    return this.total;
  }

  summary(): string | undefined {
    if (this.total === 0) return undefined;
    const kinds = [...this.byCode].map(([code, n]) => `${code} ×${n}`).join(', ');
    const hidden =
      this.total > this.showFirst && this.fd === undefined ? ' (use --problems FILE to see them all)' : '';
    return `${this.total} input problem${this.total === 1 ? '' : 's'}: ${kinds}${hidden}`;
  }

  close(): void {
    if (this.fd === undefined) return;
    this.drain();
    closeSync(this.fd);
    this.fd = undefined;
  }

  private drain(): void {
    if (this.fd !== undefined && this.pending) writeSync(this.fd, this.pending);
    this.pending = '';
  }
}
