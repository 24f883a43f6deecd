import { ApiError } from '../http/api-error.js';
import { validationError } from '../http/error-bodies.js';
import type { HandlerContext, HandlerResult } from './handler-types.js';
import { objectView, requestedProperties } from './object-view.js';

const DEFAULT_LIMIT = 10;
/** Contacts guide: "limit — The maximum number of results to display per page" (max 100). */
const MAX_LIMIT = 100;

/** GET /crm/v3/objects/contacts: id-ordered pages with paging.next.after (the next id) and link. */
export function listContacts(ctx: HandlerContext): HandlerResult {
  const limit = intParam(ctx.query.get('limit'), DEFAULT_LIMIT, 'limit');
  if (limit < 1 || limit > MAX_LIMIT) {
    throw new ApiError(400, validationError(`limit must be between 1 and ${MAX_LIMIT}, got ${limit}`));
  }
  if (ctx.query.get('archived') === 'true') return { status: 200, body: { results: [] } };

  const after = ctx.query.get('after');
  const from = after ? intParam(after, 0, 'after') : Number.NEGATIVE_INFINITY;
  const contacts = ctx.store.orderedContactRecords();
  const start = contacts.findIndex((c) => Number(c.id) >= from);
  const page = start < 0 ? [] : contacts.slice(start, start + limit);
  const requested = requestedProperties(ctx.query);
  const exists = (name: string) => ctx.store.properties.get(name) !== undefined;
  const body: Record<string, unknown> = { results: page.map((c) => objectView(c, requested, exists)) };

  const next = start < 0 ? undefined : contacts[start + limit];
  if (next) {
    const link = new URLSearchParams(ctx.query);
    link.set('after', next.id);
    body.paging = { next: { after: next.id, link: `${ctx.baseUrl}/crm/v3/objects/contacts?${link}` } };
  }
  return { status: 200, body };
}

function intParam(raw: string | null, fallback: number, name: string): number {
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value))
    throw new ApiError(400, validationError(`${name} must be an integer, got "${raw}"`));
  return value;
}
