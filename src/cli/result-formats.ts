import type { ScoreResult } from '../scoring/score-result.js';
import type { OutputWriter } from './output-writer.js';
import { ScoreSummary } from './score-summary.js';

export const FORMATS = ['json', 'csv', 'table'] as const;
export type Format = (typeof FORMATS)[number];

/** Receives every result in input order; `finish` prints whatever needs the whole run. */
export interface ResultSink {
  add(result: ScoreResult): Promise<void>;
  finish(): Promise<void>;
}

function jsonLine(result: ScoreResult, explain: boolean): string {
  const { ref, score, fit, engagement, grade, status, reasons } = result;
  const base = { id: ref.id, score, fit, engagement, grade, status, reasons };
  if (!explain) return JSON.stringify(base) + '\n';
  const { model, statusReason, contributions, adjustments } = result;
  return JSON.stringify({ ...base, model, statusReason, contributions, adjustments }) + '\n';
}

/** RFC 4180 quoting: only when needed, quotes doubled. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const CSV_COLUMNS = ['id', 'score', 'fit', 'engagement', 'grade', 'status', 'reasons'];

function csvLine(result: ScoreResult, explain: boolean): string {
  const values: (string | number)[] = [
    result.ref.id,
    result.score,
    result.fit,
    result.engagement,
    result.grade,
    result.status,
    result.reasons,
  ];
  if (explain) {
    values.push(result.model, result.contributions.map((c) => `${c.rule}:${c.points}`).join(' '));
  }
  return values.map(csvField).join(',') + '\n';
}

export function createSink(format: Format, out: OutputWriter, explain: boolean, top: number): ResultSink {
  switch (format) {
    case 'json':
      return { add: (r) => out.write(jsonLine(r, explain)), finish: () => out.flush() };
    case 'csv': {
      let headerWritten = false;
      return {
        add: async (r) => {
          if (!headerWritten) {
            headerWritten = true;
            await out.write(
              [...CSV_COLUMNS, ...(explain ? ['model', 'contributions'] : [])].join(',') + '\n',
            );
          }
          await out.write(csvLine(r, explain));
        },
        finish: () => out.flush(),
      };
    }
    case 'table': {
      const summary = new ScoreSummary(top);
      return {
        add: async (r) => summary.add(r),
        finish: async () => {
          await out.write(summary.render(explain));
          await out.flush();
        },
      };
    }
  }
}
