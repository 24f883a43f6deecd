import type { CrmRecord } from '../../src/mapping/crm-record.js';
import type { EngagementApi } from './engagement-associations.js';
import { throwUnexpected } from './engagement-associations.js';

/** Inputs per CRM v3 object batch read. */
export const OBJECT_READ_SIZE = 100;

export interface ObjectRead {
  /** The records found, in the order asked for; ids HubSpot no longer has (deleted since) are absent. */
  records: CrmRecord[];
  calls: number;
}

/**
 * Engagement objects by id through POST /crm/v3/objects/{objectType}/batch/read, 100 per request (sent
 * together; the scheduler paces them), with only the given properties. OBJECT_NOT_FOUND entries are
 * objects deleted between the association read and this one: skipped; any other error entry throws.
 */
export async function readEngagementObjects(
  api: EngagementApi,
  objectType: string,
  ids: readonly string[],
  properties: string[],
): Promise<ObjectRead> {
  const endpoint = `POST /crm/v3/objects/${objectType}/batch/read`;
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += OBJECT_READ_SIZE) chunks.push(ids.slice(i, i + OBJECT_READ_SIZE));
  const responses = await Promise.all(
    chunks.map((chunk) =>
      api.call(endpoint, (c) =>
        c.crm.objects.batchApi.readWithHttpInfo(objectType, {
          properties,
          propertiesWithHistory: [],
          inputs: chunk.map((id) => ({ id })),
        }),
      ),
    ),
  );
  const byId = new Map<string, CrmRecord>();
  for (const response of responses) {
    throwUnexpected(
      endpoint,
      'errors' in response ? response.errors : undefined,
      (e) => e.category === 'OBJECT_NOT_FOUND',
    );
    for (const r of response.results) byId.set(r.id, { id: r.id, properties: r.properties });
  }
  const records = ids.flatMap((id) => {
    const record = byId.get(id);
    return record ? [record] : [];
  });
  return { records, calls: chunks.length };
}
