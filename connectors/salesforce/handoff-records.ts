import { z } from 'zod';
import type { SalesforceApi, SalesforceRow } from './salesforce-api.js';
import { describeSalesforceFailure } from './handoff-failure.js';
import { normalizeSalesforceId } from './salesforce-id.js';
import { selectStatement, soqlIdList } from './soql.js';

/** The objects a handoff acts on. */
export type HandoffObject = 'Lead' | 'Contact';

/** Ids per `Id IN (…)`: one collection's worth, which keeps the query URL short. */
export const HANDOFF_READ_SIZE = 200;

/** What the handoff needs to know about a record before acting on it. */
export interface HandoffRecord {
  /** 18 characters. */
  id: string;
  firstName?: string;
  lastName?: string;
  email?: string;
  /** Lead.Status (Contacts have none). */
  status?: string;
  ownerId?: string;
  /** The extra fields asked for, as text (null when empty). */
  extra: Record<string, string | null>;
}

/** The record, or why there is none to act on (not found, not an id, the read failed). */
export type RecordLookup =
  | { record: HandoffRecord; failed?: undefined; missing?: undefined }
  | { record?: undefined; failed: string; missing: boolean };

const rowSchema = z.looseObject({
  Id: z.string(),
  FirstName: z.string().nullish(),
  LastName: z.string().nullish(),
  Email: z.string().nullish(),
  Status: z.string().nullish(),
  OwnerId: z.string().nullish(),
});

/**
 * Name, email, owner (and for Leads the status) of each record, and `extraFields`, 200 ids per query; keyed
 * by the id as given. An id Salesforce does not return is missing; a failed query marks its ids unread.
 * Never throws.
 */
export async function readHandoffRecords(
  api: SalesforceApi,
  object: HandoffObject,
  ids: readonly string[],
  extraFields: readonly string[] = [],
): Promise<Map<string, RecordLookup>> {
  const lookups = new Map<string, RecordLookup>();
  const byId = new Map<string, string[]>();
  for (const id of new Set(ids)) {
    const normalized = idOrUndefined(id);
    if (normalized === undefined) {
      lookups.set(id, { failed: `${id.slice(0, 40)} is not a Salesforce record id`, missing: true });
    } else byId.set(normalized, [...(byId.get(normalized) ?? []), id]);
  }
  const unique = [...byId.keys()];
  const fields = [
    'Id',
    'FirstName',
    'LastName',
    'Email',
    'OwnerId',
    ...(object === 'Lead' ? ['Status'] : []),
    ...extraFields,
  ];
  const chunks: string[][] = [];
  for (let i = 0; i < unique.length; i += HANDOFF_READ_SIZE)
    chunks.push(unique.slice(i, i + HANDOFF_READ_SIZE));
  await Promise.all(
    chunks.map(async (chunk) => {
      const soql = `${selectStatement({ fields, object })} WHERE Id IN ${soqlIdList(chunk)}`;
      let rows: SalesforceRow[];
      try {
        rows = await queryAllRows(api, soql);
      } catch (error) {
        const failed = `could not read the ${object.toLowerCase()}: ${describeSalesforceFailure(error)}`;
        for (const id of chunk)
          for (const given of byId.get(id) ?? []) lookups.set(given, { failed, missing: false });
        return;
      }
      const found = new Map<string, HandoffRecord>();
      for (const row of rows) {
        const parsed = rowSchema.safeParse(row);
        if (parsed.success)
          found.set(normalizeSalesforceId(parsed.data.Id), toRecord(parsed.data, extraFields));
      }
      for (const id of chunk) {
        const record = found.get(id);
        const lookup: RecordLookup = record
          ? { record }
          : { failed: `${object.toLowerCase()} ${id} not found in Salesforce`, missing: true };
        for (const given of byId.get(id) ?? []) lookups.set(given, lookup);
      }
    }),
  );
  return lookups;
}

/** Every row of a query, following nextRecordsUrl to the end. */
export async function queryAllRows(api: SalesforceApi, soql: string): Promise<SalesforceRow[]> {
  let page = await api.query(soql);
  const rows = [...page.records];
  while (!page.done && page.nextRecordsUrl) {
    page = await api.queryMore(page.nextRecordsUrl);
    rows.push(...page.records);
  }
  return rows;
}

/** The 18-character form of a record id, or undefined for anything that is not one. */
export function idOrUndefined(id: string): string | undefined {
  try {
    return normalizeSalesforceId(id);
  } catch {
    return undefined;
  }
}

function toRecord(row: z.infer<typeof rowSchema>, extraFields: readonly string[]): HandoffRecord {
  const extra: Record<string, string | null> = {};
  for (const field of extraFields) {
    const value = row[field];
    extra[field] = value === null || value === undefined ? null : String(value);
  }
  const record: HandoffRecord = { id: normalizeSalesforceId(row.Id), extra };
  if (row.FirstName) record.firstName = row.FirstName;
  if (row.LastName) record.lastName = row.LastName;
  if (row.Email) record.email = row.Email;
  if (row.Status) record.status = row.Status;
  if (row.OwnerId) record.ownerId = row.OwnerId;
  return record;
}
