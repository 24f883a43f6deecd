import { z } from 'zod';
import type { FieldValue, SObjectRecord } from '../data/field-types.js';
import { findField } from '../data/sobject-schema.js';
import { ApiError } from '../http/api-error.js';
import { NOT_FOUND, restError } from '../http/error-bodies.js';
import { isWellFormedId, KEY_PREFIXES, normalizeId } from '../ids.js';
import type { Handler, HandlerContext } from '../api/handler-types.js';
import { visibleHeaders } from '../api/record-create.js';
import {
  customFieldMetadataSchema,
  metadataProblem,
  parseFullName,
  toFieldDef,
  type CustomFieldMetadata,
  type ParsedFullName,
} from './custom-field-metadata.js';

const bodySchema = z.object({ FullName: z.unknown().optional(), Metadata: z.unknown() }).passthrough();

const integrity = (message: string) => new ApiError(400, restError('FIELD_INTEGRITY_EXCEPTION', message));

/**
 * POST /services/data/vXX.X/tooling/sobjects/CustomField with `{FullName: 'Lead.X__c', Metadata: {...}}`:
 * 201 `{id, success, errors}`, and the field then exists in this org for describe, SOQL and writes. A field
 * that exists already is DUPLICATE_DEVELOPER_NAME; unusable metadata is FIELD_INTEGRITY_EXCEPTION.
 */
export const createCustomField: Handler = (ctx) => {
  const { store } = ctx;
  const { name, metadata } = readBody(ctx.body, undefined);
  const sobject = store.schema.find(name.sobject);
  if (!sobject || sobject.tooling || sobject.createable === false) {
    throw integrity(`Cannot create a custom field on ${name.sobject}: no such object`);
  }
  if (findField(sobject, name.field)) {
    throw new ApiError(
      400,
      restError(
        'DUPLICATE_DEVELOPER_NAME',
        `There is already a field named ${name.developerName} on ${sobject.name}.`,
        [],
      ),
    );
  }
  store.schema.addField(sobject.name, toFieldDef(name.field, metadata));
  const record = store.create('CustomField', {
    DeveloperName: name.developerName,
    TableEnumOrId: sobject.name,
    NamespacePrefix: null,
    Description: metadata.description ?? null,
    FullName: `${sobject.name}.${name.field}`,
    Metadata: JSON.stringify(metadata),
  });
  const id = String(record.Id);
  store.recordCreate({
    at: ctx.now().toISOString(),
    endpoint: 'tooling',
    headers: visibleHeaders(ctx.headers),
    allOrNone: false,
    types: ['CustomField'],
    createdIds: [id],
  });
  return { status: 201, body: { id, success: true, errors: [] } };
};

/** GET /services/data/vXX.X/tooling/sobjects/CustomField/{id}: the row's fields plus `Metadata`. */
export const getCustomField: Handler = (ctx) => {
  const record = customField(ctx);
  const { Metadata, ...fields } = record;
  return {
    status: 200,
    body: {
      attributes: {
        type: 'CustomField',
        url: `/services/data/${ctx.apiVersion}/tooling/sobjects/CustomField/${String(record.Id)}`,
      },
      ...fields,
      Metadata: JSON.parse(String(Metadata)) as unknown,
    },
  };
};

/**
 * PATCH /services/data/vXX.X/tooling/sobjects/CustomField/{id} with the full `Metadata` (as GET gave it, changed):
 * 204. The type cannot change here; picklist values become exactly the ones sent.
 */
export const updateCustomField: Handler = (ctx) => {
  const record = customField(ctx);
  const current = parseFullName(record.FullName) as ParsedFullName;
  const { metadata } = readBody(ctx.body, current);
  const before = JSON.parse(String(record.Metadata)) as CustomFieldMetadata;
  if (metadata.type !== before.type) {
    throw integrity(
      `Changing a ${before.type} field to ${metadata.type} is not supported by the leadscore sandbox`,
    );
  }
  ctx.store.schema.replaceField(current.sobject, toFieldDef(current.field, metadata));
  const changes: Record<string, FieldValue> = {
    Description: metadata.description ?? null,
    Metadata: JSON.stringify(metadata),
  };
  ctx.store.update(String(record.Id), changes);
  return { status: 204 };
};

/** The body's FullName (or the existing one on update) and Metadata, validated. */
function readBody(body: unknown, existing: ParsedFullName | undefined) {
  const parsed = bodySchema.safeParse(body);
  if (!parsed.success)
    throw new ApiError(400, restError('JSON_PARSER_ERROR', 'The request body must be a JSON object'));
  const name = existing ?? parseFullName(parsed.data.FullName);
  if (!name) {
    throw integrity(
      `Invalid FullName ${JSON.stringify(parsed.data.FullName)}: expected Object.Field__c, the field name a letter followed by letters, digits and single underscores`,
    );
  }
  const metadata = customFieldMetadataSchema.safeParse(parsed.data.Metadata);
  if (!metadata.success) {
    const issue = metadata.error.issues[0];
    throw integrity(
      `Metadata${issue?.path.length ? `.${issue.path.join('.')}` : ''}: ${issue?.message ?? 'invalid'}`,
    );
  }
  const problem = metadataProblem(metadata.data);
  if (problem) throw integrity(problem);
  return { name, metadata: metadata.data };
}

function customField(ctx: HandlerContext): SObjectRecord {
  const raw = ctx.params.id ?? '';
  const id = isWellFormedId(raw) ? normalizeId(raw) : undefined;
  const record = id?.startsWith(KEY_PREFIXES.CustomField) ? ctx.store.get(id) : undefined;
  if (!record) throw new ApiError(404, NOT_FOUND);
  return record;
}
