import type { Crm } from '../model/lead.js';
import { RecordProblems } from '../input/input-problem.js';
import type { InputProblemCode } from '../input/input-problem.js';

/** A CRM record as connectors hand it over: HubSpot's shape; Salesforce flattens `Account.Industry` into it. */
export interface CrmRecord {
  id: string;
  properties: Record<string, string | null | undefined>;
}

/** A property's value; only the record's own keys count (a property named `constructor` is just missing). */
export function propertyValue(record: CrmRecord, property: string): string | null | undefined {
  return Object.hasOwn(record.properties, property) ? record.properties[property] : undefined;
}

export type RecordProblemCode = InputProblemCode | 'invalid_option';

/** A CRM value that was not taken as written; the record is still read. */
export interface RecordProblem {
  crm: Crm;
  /** The CRM object type: `contact`, `Lead`, `emails`, … */
  object: string;
  recordId: string;
  /** The CRM property the value came from. */
  property: string;
  code: RecordProblemCode;
  message: string;
}

export type RecordProblemHandler = (problem: RecordProblem) => void;

/** `hubspot contact 101: numemployees: expected a number or a range …; treated as missing` */
export function formatRecordProblem(problem: RecordProblem): string {
  const where = `${problem.crm} ${problem.object} ${problem.recordId}`;
  return problem.property
    ? `${where}: ${problem.property}: ${problem.message}`
    : `${where}: ${problem.message}`;
}

export interface RecordReporter {
  report(property: string, code: RecordProblemCode, message: string): void;
  /** The same reporter in the form the src/input parsers report to (file and line do not apply). */
  inputProblems: RecordProblems;
}

export function recordReporter(
  crm: Crm,
  object: string,
  recordId: string,
  onProblem: RecordProblemHandler,
): RecordReporter {
  const report = (property: string, code: RecordProblemCode, message: string): void =>
    onProblem({ crm, object, recordId, property, code, message });
  const inputProblems = new RecordProblems(`${crm} ${object}`, 0, (problem) =>
    report(problem.field, problem.code, problem.message),
  );
  return { report, inputProblems };
}
