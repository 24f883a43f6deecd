import { z } from 'zod';
import { ConnectorConfigError } from '../../src/connector/connector-errors.js';
import { formatPath } from '../../src/util/errors.js';
import { hubSpotHandoffConfigSchema } from './handoff-config.js';
import type { HubSpotHandoffConfig } from './handoff-config.js';
import { DEFAULT_HUBSPOT_LIMITS } from './hubspot-policy.js';
import type { HubSpotLimits } from './hubspot-policy.js';

/** Requests per rolling 10 seconds by subscription (developers.hubspot.com/docs/guides/apps/api-usage/usage-details). */
export const HUBSPOT_TIER_LIMITS = {
  free: 100,
  starter: 100,
  professional: 190,
  enterprise: 190,
  api_addon: 250,
} as const;

const limitsSchema = z
  .object({
    perTenSeconds: z.number().int().min(1).max(100_000).optional(),
    searchPerSecond: z.number().int().min(1).max(20).default(DEFAULT_HUBSPOT_LIMITS.searchPerSecond),
    concurrency: z.number().int().min(1).max(32).default(DEFAULT_HUBSPOT_LIMITS.concurrency),
  })
  .strict();

/** `connectors.hubspot.settings` of the deployment config. */
export const hubSpotSettingsSchema = z
  .object({
    tier: z
      .enum(Object.keys(HUBSPOT_TIER_LIMITS) as [keyof typeof HUBSPOT_TIER_LIMITS])
      .default('professional'),
    /** Overrides the tier's numbers (e.g. a portal with a raised limit). */
    limits: limitsSchema.default({
      searchPerSecond: DEFAULT_HUBSPOT_LIMITS.searchPerSecond,
      concurrency: DEFAULT_HUBSPOT_LIMITS.concurrency,
    }),
    engagements: z
      .object({
        /** Contact rollup properties (page views, email opens, form submissions …): the mapping's `rollups`. */
        rollups: z.boolean().default(true),
        /** Emails, meetings, calls, notes associated with the contact: the mapping's `engagements`. */
        associations: z.boolean().default(true),
      })
      .strict()
      .default({ rollups: true, associations: true }),
    handoff: hubSpotHandoffConfigSchema.default({}),
  })
  .strict();

export interface HubSpotSettings {
  limits: HubSpotLimits;
  rollups: boolean;
  associations: boolean;
  handoff: HubSpotHandoffConfig;
}

/** Validates the settings; messages name the path, never a value (a webhook URL may carry a token). */
export function parseHubSpotSettings(input: unknown): HubSpotSettings {
  const parsed = hubSpotSettingsSchema.safeParse(input ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `settings.${formatPath(i.path)}: ${i.message}`).join('; ');
    throw new ConnectorConfigError('hubspot', `invalid connector settings: ${detail}`);
  }
  const { tier, limits, engagements, handoff } = parsed.data;
  return {
    limits: {
      perTenSeconds: limits.perTenSeconds ?? HUBSPOT_TIER_LIMITS[tier],
      searchPerSecond: limits.searchPerSecond,
      concurrency: limits.concurrency,
    },
    rollups: engagements.rollups,
    associations: engagements.associations,
    handoff,
  };
}
