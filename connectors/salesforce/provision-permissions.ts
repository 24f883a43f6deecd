import { z } from 'zod';
import type { ProvisionChange } from '../../src/connector/crm-adapter.js';
import { ConnectorRequestError } from '../../src/connector/connector-errors.js';
import type { SalesforceApi } from './salesforce-api.js';
import { soqlId, soqlString } from './soql.js';

/** The permission set that grants the score fields: API name and what Setup shows. */
export const PERMISSION_SET = {
  Name: 'Lead_Scoring',
  Label: 'Lead Scoring',
  Description:
    'Read and edit the leadscore score fields. Assigned to the integration user by leadscore setup.',
} as const;

/** sObject Collections takes at most 200 records per call. */
const COLLECTION_SIZE = 200;

const idRowsSchema = z.object({ records: z.array(z.object({ Id: z.string() }).passthrough()) });
const fieldPermissionRowsSchema = z.object({
  records: z.array(
    z.object({
      Id: z.string(),
      Field: z.string(),
      PermissionsRead: z.boolean(),
      PermissionsEdit: z.boolean(),
    }),
  ),
});
const saveResultSchema = z.object({
  id: z.string().optional(),
  success: z.boolean(),
  errors: z.array(z.object({ statusCode: z.string(), message: z.string() }).passthrough()),
});
const versionResourcesSchema = z.object({ identity: z.string().url() }).passthrough();

/**
 * The "Lead Scoring" permission set with Read and Edit on every score field, assigned to the user the
 * session belongs to. Edit as well as Read: the permission set exists for the integration user, which
 * writes the scores; people who should only see them get Read through their own profiles or sets.
 * `fields` are `Object.Field__c` names.
 */
export async function provisionPermissionSet(
  api: SalesforceApi,
  fields: string[],
): Promise<ProvisionChange[]> {
  const changes: ProvisionChange[] = [];
  const target = `permission set ${PERMISSION_SET.Name}`;
  let setId = await findPermissionSet(api);
  if (setId) changes.push({ target, outcome: 'unchanged' });
  else {
    setId = await createOne(api, 'PermissionSet', { ...PERMISSION_SET });
    changes.push({ target, outcome: 'created' });
  }
  changes.push(...(await grantFields(api, setId, fields)));
  changes.push(await assign(api, setId));
  return changes;
}

async function findPermissionSet(api: SalesforceApi): Promise<string | undefined> {
  const page = await api.query(
    `SELECT Id FROM PermissionSet WHERE Name = ${soqlString(PERMISSION_SET.Name)}`,
  );
  return idRowsSchema.parse(page).records[0]?.Id;
}

async function grantFields(api: SalesforceApi, setId: string, fields: string[]): Promise<ProvisionChange[]> {
  const page = await api.query(
    `SELECT Id, Field, PermissionsRead, PermissionsEdit FROM FieldPermissions WHERE ParentId = ${soqlId(setId)}`,
  );
  const existing = new Map(
    fieldPermissionRowsSchema.parse(page).records.map((row) => [row.Field.toLowerCase(), row]),
  );
  const toCreate: string[] = [];
  const toUpdate: { id: string; field: string }[] = [];
  const changes = new Map<string, ProvisionChange>();
  for (const field of fields) {
    const row = existing.get(field.toLowerCase());
    const target = `field permission ${field}`;
    if (!row) toCreate.push(field);
    else if (!row.PermissionsRead || !row.PermissionsEdit) toUpdate.push({ id: row.Id, field });
    else changes.set(field, { target, outcome: 'unchanged' });
  }
  const grant = { PermissionsRead: true, PermissionsEdit: true };
  for (let i = 0; i < toCreate.length; i += COLLECTION_SIZE) {
    const chunk = toCreate.slice(i, i + COLLECTION_SIZE);
    const records = chunk.map((field) => ({
      attributes: { type: 'FieldPermissions' },
      ParentId: setId,
      SobjectType: field.split('.')[0],
      Field: field,
      ...grant,
    }));
    expectAllSaved('POST /composite/sobjects', chunk, await api.createCollection(records));
    for (const field of chunk)
      changes.set(field, { target: `field permission ${field}`, outcome: 'created', detail: 'read, edit' });
  }
  for (let i = 0; i < toUpdate.length; i += COLLECTION_SIZE) {
    const chunk = toUpdate.slice(i, i + COLLECTION_SIZE);
    const records = chunk.map(({ id }) => ({ attributes: { type: 'FieldPermissions' }, Id: id, ...grant }));
    const fieldsOf = chunk.map((c) => c.field);
    expectAllSaved('PATCH /composite/sobjects', fieldsOf, await api.updateCollection(records, {}));
    for (const field of fieldsOf)
      changes.set(field, { target: `field permission ${field}`, outcome: 'updated', detail: 'read, edit' });
  }
  return fields.map((field) => changes.get(field)!);
}

/** The session's user: the last segment of the identity URL the version's resource list names. */
async function sessionUserId(api: SalesforceApi): Promise<string> {
  const resources = versionResourcesSchema.parse(
    await api.call('GET /', (conn) => conn.request({ method: 'GET', url: '/' })),
  );
  const id = new URL(resources.identity).pathname.split('/').filter(Boolean).at(-1) ?? '';
  if (!/^005[0-9A-Za-z]{12}(?:[0-9A-Za-z]{3})?$/.test(id)) {
    throw new ConnectorRequestError(
      'salesforce',
      'GET /',
      200,
      undefined,
      'the identity URL names no user id',
    );
  }
  return id;
}

async function assign(api: SalesforceApi, setId: string): Promise<ProvisionChange> {
  const userId = await sessionUserId(api);
  const target = `permission set assignment ${PERMISSION_SET.Name} → ${userId}`;
  const page = await api.query(
    `SELECT Id FROM PermissionSetAssignment WHERE PermissionSetId = ${soqlId(setId)} AND AssigneeId = ${soqlId(userId)}`,
  );
  if (idRowsSchema.parse(page).records.length > 0) return { target, outcome: 'unchanged' };
  await createOne(api, 'PermissionSetAssignment', { PermissionSetId: setId, AssigneeId: userId });
  return { target, outcome: 'created', detail: 'the integration user' };
}

async function createOne(api: SalesforceApi, type: string, fields: Record<string, unknown>): Promise<string> {
  const endpoint = `POST /sobjects/${type}`;
  const saved = saveResultSchema.parse(
    await api.call(
      endpoint,
      (conn) =>
        conn.request({
          method: 'POST',
          url: `/sobjects/${type}`,
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(fields),
        }),
      { idempotent: false },
    ),
  );
  if (!saved.success || !saved.id) {
    const reason = saved.errors.map((e) => `${e.statusCode}: ${e.message}`).join('; ');
    throw new ConnectorRequestError('salesforce', endpoint, 201, saved.errors[0]?.statusCode, reason);
  }
  return saved.id;
}

/** A permission that Salesforce would not save stops setup with its words: the set would be incomplete. */
function expectAllSaved(endpoint: string, fields: string[], answer: unknown): void {
  const results = z.array(saveResultSchema).parse(answer);
  const failed = results
    .map((result, i) => ({ result, field: fields[i] }))
    .filter(({ result }) => !result.success)
    .map(
      ({ result, field }) =>
        `${field}: ${result.errors.map((e) => `${e.statusCode} ${e.message}`).join('; ')}`,
    );
  if (results.length !== fields.length || failed.length > 0) {
    throw new ConnectorRequestError(
      'salesforce',
      endpoint,
      200,
      undefined,
      failed.length > 0
        ? `field permissions not saved: ${failed.join(' | ')}`
        : `expected ${fields.length} save results`,
    );
  }
}
