import { z } from 'zod';
import { ConnectorConfigError } from '../../src/connector/connector-errors.js';
import { HISTORY_OUTCOMES } from '../../src/connector/crm-adapter.js';
import type { HistoryOutcome } from '../../src/connector/crm-adapter.js';
import { formatPath } from '../../src/util/errors.js';
import { salesforceHandoffConfigSchema } from './handoff-config.js';
import type { SalesforceHandoffConfig } from './handoff-config.js';
import { DEFAULT_SALESFORCE_API_VERSION } from './salesforce-version.js';
import type { SalesforceLimits } from './salesforce-policy.js';

const httpUrl = z.url({ protocol: /^https?$/, error: 'expected an http(s) URL' });

const objectSchema = (enabled: boolean) =>
  z
    .object({
      enabled: z.boolean().default(enabled),
      /** A mapping file for this object; absent = leadscore's default (mappings/salesforce[-contact].yaml). */
      mapping: z.string().min(1).optional(),
    })
    .strict()
    .prefault({});

/** `connectors.salesforce.settings` of the deployment config. */
export const salesforceSettingsSchema = z
  .object({
    /** The REST API version every request names; pinned so that a Salesforce release changes nothing. */
    apiVersion: z
      .string()
      .regex(/^\d{2,3}\.0$/, 'expected a version like 62.0')
      .default(DEFAULT_SALESFORCE_API_VERSION),
    /** The token endpoint's host: https://login.salesforce.com (default), https://test.salesforce.com or the My Domain. */
    loginUrl: httpUrl.optional(),
    objects: z
      .object({
        /** Unconverted Leads (converted ones live on as Contacts and cannot be updated). */
        lead: objectSchema(true),
        contact: objectSchema(false),
      })
      .strict()
      .prefault({}),
    /** Tasks, Events, email replies and campaign memberships as engagement (the mapping's `engagements`). */
    activities: z.boolean().default(true),
    /** Records per query batch (Sforce-Query-Options: batchSize), 200–2,000. */
    queryBatchSize: z.int().min(200).max(2000).default(2000),
    limits: z
      .object({
        concurrency: z.int().min(1).max(25).default(10),
        /** Requests of the daily allocation always left for the org's other integrations. */
        dailyReserve: z.int().nonnegative().default(0),
      })
      .strict()
      .prefault({}),
    /** The most of the org's remaining daily API allocation one run may spend (0–1]. */
    budgetShare: z.number().gt(0).max(1).default(0.5),
    bulk: z
      .object({
        /** Score writes of at least this many records go through one Bulk API 2.0 job instead of collections. */
        threshold: z.int().min(1).default(10_000),
        pollIntervalMs: z.int().min(100).max(60_000).default(2_000),
        /** How long a job may run before its records are reported as failed-for-retry. */
        maxWaitMs: z
          .int()
          .min(1_000)
          .max(24 * 3_600_000)
          .default(30 * 60_000),
      })
      .strict()
      .prefault({}),
    handoff: salesforceHandoffConfigSchema.prefault({}),
    /** `leadscore train --connector`: a converted Lead is the outcome, or (`won`) only one whose opportunity was won. */
    training: z
      .object({ outcome: z.enum(HISTORY_OUTCOMES).default('converted') })
      .strict()
      .prefault({}),
  })
  .strict();

export interface SalesforceSettings {
  apiVersion: string;
  loginUrl?: string;
  objects: { lead: { enabled: boolean; mapping?: string }; contact: { enabled: boolean; mapping?: string } };
  activities: boolean;
  queryBatchSize: number;
  limits: SalesforceLimits;
  budgetShare: number;
  bulk: { threshold: number; pollIntervalMs: number; maxWaitMs: number };
  handoff: SalesforceHandoffConfig;
  training: { outcome: HistoryOutcome };
}

/** Validates the settings; messages name the path, never a value (a webhook URL may carry a token). */
export function parseSalesforceSettings(input: unknown): SalesforceSettings {
  const parsed = salesforceSettingsSchema.safeParse(input ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `settings.${formatPath(i.path)}: ${i.message}`).join('; ');
    throw new ConnectorConfigError('salesforce', `invalid connector settings: ${detail}`);
  }
  const settings = parsed.data;
  if (!settings.objects.lead.enabled && !settings.objects.contact.enabled) {
    throw new ConnectorConfigError(
      'salesforce',
      'invalid connector settings: settings.objects: enable lead, contact or both',
    );
  }
  return settings;
}
