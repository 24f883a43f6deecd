import { z } from 'zod';
import type { SalesforceApi } from './salesforce-api.js';
import { describeRecordErrors, describeSalesforceFailure } from './handoff-failure.js';
import { recordErrorsSchema } from './record-errors.js';
import type { HandoffObject } from './handoff-records.js';

/** sObject Collections takes at most 200 records per call. */
export const UPDATE_COLLECTION_SIZE = 200;

/** One SaveResult of sObject Collections (Create/Update Records Using sObject Collections). */
export const saveResultSchema = z.object({
  id: z.string().nullish(),
  success: z.boolean(),
  errors: recordErrorsSchema.default([]),
});
export const saveResultsSchema = z.array(saveResultSchema);

export interface RecordUpdate {
  /** 18 characters; each id once per call. */
  id: string;
  fields: Record<string, unknown>;
}

/**
 * PATCHes records through sObject Collections, 200 per call, `allOrNone: false`, every call with `headers`
 * (Sforce-Auto-Assign). Id → undefined when saved, or why not: the record's own errors, or the failure of
 * its whole call. Never throws.
 */
export async function updateRecords(
  api: SalesforceApi,
  object: HandoffObject,
  updates: readonly RecordUpdate[],
  headers: Record<string, string>,
): Promise<Map<string, string | undefined>> {
  const results = new Map<string, string | undefined>();
  const chunks: RecordUpdate[][] = [];
  for (let i = 0; i < updates.length; i += UPDATE_COLLECTION_SIZE) {
    chunks.push(updates.slice(i, i + UPDATE_COLLECTION_SIZE));
  }
  await Promise.all(
    chunks.map(async (chunk) => {
      const records = chunk.map((u) => ({ attributes: { type: object }, Id: u.id, ...u.fields }));
      let answer: unknown;
      try {
        answer = await api.updateCollection(records, headers);
      } catch (error) {
        const reason = describeSalesforceFailure(error);
        for (const update of chunk) results.set(update.id, reason);
        return;
      }
      const saved = saveResultsSchema.safeParse(answer);
      if (!saved.success || saved.data.length !== chunk.length) {
        const reason = `Salesforce answered with ${saved.success ? saved.data.length : 'no'} save results for ${chunk.length} records`;
        for (const update of chunk) results.set(update.id, reason);
        return;
      }
      chunk.forEach((update, i) => {
        const result = saved.data[i]!;
        results.set(update.id, result.success ? undefined : describeRecordErrors(result.errors));
      });
    }),
  );
  return results;
}
