import { checkWrite } from '../data/property-values.js';
import { ApiError } from '../http/api-error.js';
import { invalidPropertiesError, validationError, type PropertyProblem } from '../http/error-bodies.js';
import { batchResponse, objectsNotFound } from './batch-response.js';
import { batchUpdateSchema, checkBatchSize } from './batch-schemas.js';
import type { HandlerContext, HandlerResult } from './handler-types.js';
import { objectView, type ApiObject } from './object-view.js';
import { parseBody } from './parse-body.js';

/**
 * POST /crm/v3/objects/contacts/batch/update
 * (https://developers.hubspot.com/docs/api-reference/legacy/crm/objects/contacts/batch/update-contacts).
 * Invalid values reject the whole batch with the "Property values were not valid" 400 ("Read-only and
 * non-existent properties will result in an error"); ids that do not exist come back as a 207 with
 * OBJECT_NOT_FOUND while the others are written.
 */
export function batchUpdateContacts(ctx: HandlerContext): HandlerResult {
  const startedAt = ctx.now().toISOString();
  const request = parseBody(batchUpdateSchema, ctx.body);
  checkBatchSize(request.inputs);

  const problems: PropertyProblem[] = [];
  const writes = request.inputs.map((input) => {
    if (input.idProperty && input.idProperty !== 'email' && input.idProperty !== 'hs_object_id') {
      throw new ApiError(
        400,
        validationError(`Property "${input.idProperty}" is not a unique identifier property`),
      );
    }
    const values: Record<string, string> = {};
    for (const [name, raw] of Object.entries(input.properties)) {
      const checked = checkWrite(ctx.store.properties.get(name), name, raw);
      if (checked.ok) values[name] = checked.value;
      else if (!problems.some((p) => p.name === name && p.message === checked.problem.message)) {
        problems.push(checked.problem);
      }
    }
    return { input, values };
  });
  if (problems.length > 0) throw new ApiError(400, invalidPropertiesError(problems));

  const exists = (name: string) => ctx.store.properties.get(name) !== undefined;
  const results: ApiObject[] = [];
  const missing: string[] = [];
  for (const { input, values } of writes) {
    const record =
      input.idProperty === 'email'
        ? ctx.store.contactRecordByEmail(input.id)
        : ctx.store.contactRecord(input.id);
    if (!record) {
      missing.push(input.id);
      continue;
    }
    const updated = ctx.store.updateContactRecord(record.id, values);
    results.push(objectView(updated, Object.keys(values), exists));
  }
  const errors = missing.length > 0 ? [objectsNotFound('CONTACT', missing)] : [];
  return batchResponse(results, errors, startedAt, ctx.now);
}
