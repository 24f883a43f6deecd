/** Every code a lead-file reader can report; see normalize-lead.ts for when each one is raised. */
export type InputProblemCode =
  | 'invalid_json'
  | 'invalid_row'
  | 'ragged_row'
  | 'missing_id'
  | 'invalid_ref'
  | 'invalid_crm'
  | 'invalid_string'
  | 'truncated'
  | 'invalid_email'
  | 'invalid_number'
  | 'invalid_boolean'
  | 'invalid_date'
  | 'invalid_list'
  | 'invalid_custom'
  | 'unknown_field'
  | 'invalid_activities'
  | 'invalid_activity'
  | 'unknown_activity_type'
  | 'unknown_column'
  | 'invalid_column'
  | 'duplicate_column'
  | 'invalid_count'
  | 'count_capped'
  | 'undated_activity';

/** Something in a lead file that was not taken as written. The lead is still read (unless the message says skipped). */
export interface InputProblem {
  /** The file as the caller named it. */
  file: string;
  /** 1-based physical line the record starts on (the header line for column problems). */
  line: number;
  /** The record's id, when it has one. */
  recordId?: string;
  /** Key, column header or path such as `activities[3].at`; empty when the whole line is concerned. */
  field: string;
  code: InputProblemCode;
  message: string;
}

export type InputProblemHandler = (problem: InputProblem) => void;

/** `leads.csv line 17 (id 42): employees: expected a number …; treated as missing` */
export function formatProblem(problem: InputProblem): string {
  const id = problem.recordId !== undefined ? ` (id ${problem.recordId})` : '';
  const where = `${problem.file} line ${problem.line}${id}`;
  return problem.field ? `${where}: ${problem.field}: ${problem.message}` : `${where}: ${problem.message}`;
}

/** Reports problems of one record, tagged with its file, line and (once known) id. */
export class RecordProblems {
  recordId: string | undefined;

  constructor(
    readonly file: string,
    readonly line: number,
    private readonly onProblem: InputProblemHandler,
  ) {}

  report(field: string, code: InputProblemCode, message: string): void {
    const problem: InputProblem = { file: this.file, line: this.line, field, code, message };
    if (this.recordId !== undefined) problem.recordId = this.recordId;
    this.onProblem(problem);
  }
}
