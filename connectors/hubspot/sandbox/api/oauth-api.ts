import { z } from 'zod';
import type { HandlerContext, HandlerResult } from './handler-types.js';
import { parseBody } from './parse-body.js';

/** Form fields of POST /oauth/v1/token (the SDK's TokensApi.create sends them url-encoded). */
const tokenFormSchema = z.record(z.string(), z.string());

/**
 * POST /oauth/v1/token → { token_type, refresh_token, access_token, expires_in }
 * (https://developers.hubspot.com/docs/api-reference/legacy/authentication/oauth-tokens/v1/refresh-oauth-token).
 */
export function issueToken(ctx: HandlerContext): HandlerResult {
  const form = parseBody(tokenFormSchema, ctx.body);
  return { status: 200, body: ctx.tokens.refresh(form) };
}
