import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from './api-error.js';
import { restError } from './error-bodies.js';
import { TextBody } from './text-body.js';

const MAX_BODY_BYTES = 5 * 1024 * 1024;

export async function readRawBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES)
      throw new ApiError(413, restError('JSON_PARSER_ERROR', 'Request body too large'));
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** JSON for API calls, form fields for the OAuth token endpoint, text for Bulk API CSV uploads. */
export function parseBody(raw: string, contentType: string | undefined): unknown {
  if (contentType?.includes('text/csv')) return raw;
  if (raw.trim() === '') return undefined;
  if (contentType?.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(raw));
  }
  try {
    return JSON.parse(raw) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ApiError(400, restError('JSON_PARSER_ERROR', `Unexpected character: ${detail}`));
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string>,
): void {
  const text = body instanceof TextBody ? body.text : body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    // The REST API docs' examples show `Content-Type: application/json;charset=UTF-8`.
    'Content-Type': body instanceof TextBody ? body.contentType : 'application/json;charset=UTF-8',
    'Content-Length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}
