import { checkNewRecord, checkRecord } from '../api/record-validation.js';
import type { SaveError } from '../api/save-results.js';
import type { FieldDef, SObjectDef } from '../data/field-types.js';
import type { OrgStore } from '../data/org-store.js';
import { findField } from '../data/sobject-schema.js';

/** The operations the sandbox runs; upsert, delete and hardDelete are refused when the job is created. */
export const INGEST_OPERATIONS = ['insert', 'update'] as const;
export type IngestOperation = (typeof INGEST_OPERATIONS)[number];

/** What one CSV row came to: `id` is empty when a failed row named no usable record. */
export type RowOutcome =
  { ok: true; id: string; created: boolean } | { ok: false; id: string; error: string };

/** The cell value that sets a field to null (an empty cell leaves the field as it is). */
export const NULL_CELL = '#N/A';

/**
 * Why a job fails as a whole before any row is processed: a column the object does not have. Salesforce
 * reports it as the job's errorMessage, e.g. `InvalidBatch : Field name not found : Foo__c`.
 */
export function headerProblem(sobject: SObjectDef, header: readonly string[]): string | undefined {
  if (header.length === 0) return 'InvalidBatch : No header found in the job data';
  const unknown = header.find((name) => name.toLowerCase() !== 'id' && !findField(sobject, name));
  return unknown === undefined ? undefined : `InvalidBatch : Field name not found : ${unknown}`;
}

/**
 * One row, validated exactly as sObject Collections validates a record (record-validation), then saved.
 * Cells are text: numbers, booleans and `#N/A` are read into the JSON types the validation expects.
 */
export function processRow(
  store: OrgStore,
  sobject: SObjectDef,
  operation: IngestOperation,
  header: readonly string[],
  row: readonly string[],
): RowOutcome {
  const input: Record<string, unknown> = { attributes: { type: sobject.name } };
  header.forEach((name, i) => {
    const raw = row[i] ?? '';
    if (raw === '') return;
    input[name] = name.toLowerCase() === 'id' ? raw : cellValue(findField(sobject, name), raw);
  });
  if (operation === 'update') {
    const checked = checkRecord(input, store);
    if (checked.errors.length > 0 || checked.id === undefined) {
      return { ok: false, id: checked.id ?? '', error: sfError(checked.errors) };
    }
    store.update(checked.id, checked.fields);
    return { ok: true, id: checked.id, created: false };
  }
  const checked = checkNewRecord(input, store);
  if (checked.errors.length > 0) return { ok: false, id: '', error: sfError(checked.errors) };
  const created = store.create(sobject.name, checked.fields);
  return { ok: true, id: String(created.Id), created: true };
}

function cellValue(field: FieldDef | undefined, raw: string): unknown {
  if (raw === NULL_CELL) return null;
  if (field?.type === 'int' || field?.type === 'double') {
    const n = Number(raw);
    return raw.trim() !== '' && Number.isFinite(n) ? n : raw;
  }
  if (field?.type === 'boolean') {
    if (/^(true|1)$/i.test(raw)) return true;
    if (/^(false|0)$/i.test(raw)) return false;
  }
  return raw;
}

/** `sf__Error` as the result files write it: `STATUS_CODE:message:fields --` (`:--` without fields). */
export function sfError(errors: readonly SaveError[]): string {
  const first = errors[0];
  if (!first) return 'UNKNOWN_EXCEPTION:the row was not saved:--';
  const fields = first.fields.length > 0 ? `${first.fields.join(',')} ` : '';
  return `${first.statusCode}:${first.message}:${fields}--`;
}
