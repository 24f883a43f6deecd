import type { InputProblemHandler } from '../input/input-problem.js';
import { describeValue } from '../input/parsed.js';
import { PROFILE_FIELD_KINDS } from '../model/lead.js';
import type { Lead, ProfileField } from '../model/lead.js';
import { columnKey } from './data-table.js';
import { readLeadRecords } from './lead-records.js';
import type { LeadRecord } from './lead-records.js';
import { OUTCOME_VALUES, parseOutcome } from './outcome.js';
import { TrainingDataError } from './predictive-errors.js';

/** Leads of a lead file with a known outcome: what `suggest` learns from and `backtest` replays. */
export interface LeadHistory {
  file: string;
  /** The leads that have an outcome, in file order. */
  records: LeadRecord[];
  /** 1 = converted, per record. */
  outcomes: Uint8Array;
  /** The outcome as the first lead that has it names it (a custom key, or a profile field). */
  label: string;
  /** Leads left out because their outcome is empty. */
  unlabelled: number;
}

export interface ReadHistoryOptions {
  file: string;
  format: 'jsonl' | 'csv';
  /** The outcome field or column (any case and spacing). */
  label: string;
  onProblem: InputProblemHandler;
  /** Whether leads of one outcome only are an error (a model cannot be fitted on them). Default true. */
  requireBothOutcomes?: boolean;
}

/**
 * Reads a lead file (leadscore's JSONL or CSV lead format) and the outcome of each lead: a custom key or
 * column, or a profile field. Leads without an outcome are left out; an outcome that is not 1/0, yes/no or
 * true/false is an error naming its line, as is a file where no lead has the field.
 */
export async function readLeadHistory(options: ReadHistoryOptions): Promise<LeadHistory> {
  const { file, label } = options;
  const all = await readLeadRecords(file, options.format, options.onProblem);
  if (all.length === 0) throw new TrainingDataError('DATA_EMPTY', `${file}: has no leads`);
  const records: LeadRecord[] = [];
  const outcomes: number[] = [];
  let name: string | undefined;
  for (const record of all) {
    const found = outcomeOf(record.lead, label);
    if (found === undefined) continue;
    name ??= found.key;
    const outcome = parseOutcome(found.value);
    if (outcome === 'missing') continue;
    if (outcome === 'invalid') {
      throw new TrainingDataError(
        'DATA_BAD_LABEL',
        `${file}:${record.line}: ${found.key}: expected an outcome (${OUTCOME_VALUES}), got ${describeValue(found.value)}`,
      );
    }
    records.push(record);
    outcomes.push(outcome);
  }
  if (name === undefined) {
    throw new TrainingDataError(
      'DATA_NO_LABEL',
      `${file}: no lead has an outcome field or column "${label}" (--label)`,
    );
  }
  const positives = outcomes.reduce((sum, v) => sum + v, 0);
  const oneOutcome = positives === 0 || positives === outcomes.length;
  if (outcomes.length === 0 || ((options.requireBothOutcomes ?? true) && oneOutcome)) {
    const only = outcomes.length === 0 ? 'no lead has a value' : `every outcome is ${positives ? '1' : '0'}`;
    throw new TrainingDataError(
      'DATA_SINGLE_CLASS',
      `${file}: ${name}: ${only}; a model needs leads that converted and leads that did not`,
    );
  }
  return {
    file,
    records,
    outcomes: Uint8Array.from(outcomes),
    label: name,
    unlabelled: all.length - records.length,
  };
}

/** The outcome of a lead: a custom field or column (any case and spacing), or a profile field. */
export function outcomeOf(lead: Lead, label: string): { key: string; value: unknown } | undefined {
  const custom = lead.custom ?? {};
  const key = Object.hasOwn(custom, label)
    ? label
    : Object.keys(custom).find((k) => columnKey(k) === columnKey(label));
  if (key !== undefined) return { key, value: custom[key] };
  if (Object.hasOwn(PROFILE_FIELD_KINDS, label)) return { key: label, value: lead[label as ProfileField] };
  return undefined;
}
