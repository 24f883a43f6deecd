import type { Lead } from '../model/lead.js';
import { expandActivityColumns } from './csv-activities.js';
import type { CsvColumns } from './csv-columns.js';
import { IDENTITY_FIELDS } from './field-aliases.js';
import type { IdentityField, LeadColumn } from './field-aliases.js';
import type { RecordProblems } from './input-problem.js';
import { normalizeLead, setCustom } from './normalize-lead.js';
import type { RawLead } from './normalize-lead.js';
import { cleanText } from './parsed.js';

function isIdentityField(field: LeadColumn): field is IdentityField {
  return (IDENTITY_FIELDS as readonly string[]).includes(field);
}

/**
 * One CSV row as a lead. Other columns are kept in `custom[<header>]` as trimmed text, missing values
 * dropped. A row with fewer or more cells than the header is read as far as it goes (`ragged_row`).
 */
export function csvRowToLead(row: readonly string[], columns: CsvColumns, problems: RecordProblems): Lead {
  const raw: RawLead = { identity: {}, profile: {}, custom: {} };
  for (const { index, header, field } of columns.lead) {
    if (index >= row.length) continue;
    const found = { value: row[index], label: header };
    if (isIdentityField(field)) raw.identity[field] = found;
    else raw.profile[field] = found;
  }
  for (const { index, key } of columns.custom) {
    const text = cleanText(row[index] ?? '');
    if (text !== undefined) setCustom(raw.custom, key, text);
  }
  const lead = normalizeLead(raw, problems);
  if (row.length !== columns.width) {
    const consequence =
      row.length < columns.width ? 'the missing cells are empty' : 'the extra cells are ignored';
    problems.report(
      '',
      'ragged_row',
      `has ${row.length} cells, the header has ${columns.width}; ${consequence}`,
    );
  }
  lead.activities = expandActivityColumns(row, columns.activities, lead, problems);
  return lead;
}
