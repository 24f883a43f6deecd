import { ConnectorRequestError } from '../../src/connector/connector-errors.js';
import type { HubSpotApi } from './hubspot-api.js';

/** What engagement reads need of HubSpotApi (a stub with the same `call` does for tests). */
export type EngagementApi = Pick<HubSpotApi, 'call'>;

/**
 * Inputs per association batch read: "may not exceed 1000 IDs per request body", for v3 and v4
 * (https://developers.hubspot.com/changelog/bug-fix-batch-read-limit-for-hubspot-associations-api).
 */
export const ASSOCIATION_READ_SIZE = 1000;

/** The 207 error entry for a contact that has no association of the type: normal, not a failure. */
export const NO_ASSOCIATIONS_FOUND = 'crm.associations.NO_ASSOCIATIONS_FOUND';

export interface AssociationRead {
  /** Contact id → ids of the associated objects, in HubSpot's order, each once; contacts with none are absent. */
  links: Map<string, string[]>;
  /** Requests sent (1 per 1,000 contacts, plus one per round of per-contact paging). */
  calls: number;
}

interface BatchError {
  category?: string;
  subCategory?: unknown;
  message?: string;
}

/**
 * The objects of `toObjectType` (emails, meetings, calls, …) associated with each contact, through
 * POST /crm/v4/associations/contacts/{toObjectType}/batch/read. A result with `paging.next.after` has
 * more: those contacts are asked again with their `after`, all of them in one request.
 */
export async function readContactAssociations(
  api: EngagementApi,
  toObjectType: string,
  contactIds: readonly string[],
): Promise<AssociationRead> {
  const endpoint = `POST /crm/v4/associations/contacts/${toObjectType}/batch/read`;
  const links = new Map<string, string[]>();
  const seen = new Map<string, Set<string>>();
  let calls = 0;
  let pending: { id: string; after?: string }[] = [...new Set(contactIds)].map((id) => ({ id }));
  while (pending.length > 0) {
    const more: { id: string; after: string }[] = [];
    for (let i = 0; i < pending.length; i += ASSOCIATION_READ_SIZE) {
      const inputs = pending.slice(i, i + ASSOCIATION_READ_SIZE);
      calls++;
      const response = await api.call(endpoint, (c) =>
        c.crm.associations.v4.batchApi.getPageWithHttpInfo('contacts', toObjectType, { inputs }),
      );
      throwUnexpected(endpoint, 'errors' in response ? response.errors : undefined, (e) =>
        isNoAssociations(e),
      );
      for (const result of response.results) {
        const from = String(result._from.id);
        const ids = links.get(from) ?? [];
        const known = seen.get(from) ?? new Set<string>();
        for (const to of result.to) {
          const id = String(to.toObjectId);
          if (known.has(id)) continue;
          known.add(id);
          ids.push(id);
        }
        if (ids.length > 0) {
          links.set(from, ids);
          seen.set(from, known);
        }
        const after = result.paging?.next?.after;
        if (after) more.push({ id: from, after });
      }
    }
    pending = more;
  }
  return { links, calls };
}

const isNoAssociations = (error: BatchError): boolean => error.subCategory === NO_ASSOCIATIONS_FOUND;

/** A 207's error entries that `expected` does not accept fail the whole read, in HubSpot's words. */
export function throwUnexpected(
  endpoint: string,
  errors: readonly BatchError[] | undefined,
  expected: (error: BatchError) => boolean,
): void {
  const unexpected = (errors ?? []).filter((e) => !expected(e));
  if (unexpected.length === 0) return;
  const first = unexpected[0]!;
  const others = unexpected.length > 1 ? ` (and ${unexpected.length - 1} more errors)` : '';
  throw new ConnectorRequestError(
    'hubspot',
    endpoint,
    207,
    first.category,
    `${first.message ?? 'unexpected error entry'}${others}`,
  );
}
