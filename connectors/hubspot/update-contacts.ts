import { describeFailure } from '../../src/http/describe-failure.js';
import type { HubSpotApi } from './hubspot-api.js';

export const BATCH_UPDATE_SIZE = 100;
const ENDPOINT = 'POST /crm/v3/objects/contacts/batch/update';

export interface ContactInput {
  id: string;
  properties: Record<string, string>;
}

export interface ContactUpdateFailure {
  /** HubSpot's own words, or the caller's description of a failed call. */
  reason: string;
  category?: string;
  /** 400 when HubSpot rejected this contact's values on its own. */
  status?: number;
}

interface BatchErrorEntry {
  category?: string;
  message?: string;
  context?: { ids?: string[] };
}

/**
 * Batch-updates contacts, 100 per call, and returns the contacts HubSpot did not update, by id.
 * A 207 names them; a 400 rejects a whole batch for one bad value, so the batch is halved until the
 * bad contacts stand alone and the others are written. Any other failed call throws — unless
 * `describeError` is given, in which case the batch's contacts fail with that description.
 */
export async function updateContacts(
  api: HubSpotApi,
  inputs: ContactInput[],
  describeError?: (error: unknown) => string,
): Promise<Map<string, ContactUpdateFailure>> {
  const failures = new Map<string, ContactUpdateFailure>();
  const batches: ContactInput[][] = [];
  for (let i = 0; i < inputs.length; i += BATCH_UPDATE_SIZE)
    batches.push(inputs.slice(i, i + BATCH_UPDATE_SIZE));
  await Promise.all(batches.map((batch) => updateBatch(api, batch, failures, describeError)));
  return failures;
}

async function updateBatch(
  api: HubSpotApi,
  batch: ContactInput[],
  failures: Map<string, ContactUpdateFailure>,
  describeError: ((error: unknown) => string) | undefined,
): Promise<void> {
  let response: { errors?: BatchErrorEntry[] };
  try {
    response = (await api.call(ENDPOINT, (c) =>
      c.crm.contacts.batchApi.updateWithHttpInfo({ inputs: batch }),
    )) as {
      errors?: BatchErrorEntry[];
    };
  } catch (error) {
    const failure = describeFailure(error, { requestClass: 'standard', endpoint: ENDPOINT, attempt: 1 });
    if (failure.status === 400 && batch.length > 1) {
      const half = Math.ceil(batch.length / 2);
      await updateBatch(api, batch.slice(0, half), failures, describeError);
      await updateBatch(api, batch.slice(half), failures, describeError);
      return;
    }
    if (failure.status === 400) {
      const body = (failure.body ?? {}) as BatchErrorEntry;
      const reason = describeError?.(error) ?? body.message ?? 'rejected by HubSpot (400)';
      failures.set(batch[0]!.id, { reason, category: body.category, status: 400 });
      return;
    }
    if (!describeError) throw error;
    const reason = describeError(error);
    for (const input of batch) failures.set(input.id, { reason, status: failure.status });
    return;
  }
  for (const entry of response.errors ?? []) {
    for (const id of entry.context?.ids ?? []) {
      failures.set(id, { reason: entry.message ?? 'not updated by HubSpot', category: entry.category });
    }
  }
}
