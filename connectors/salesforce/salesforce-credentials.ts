import { z } from 'zod';
import { ConnectorConfigError } from '../../src/connector/connector-errors.js';

/**
 * A Salesforce session for the first adapter: the org's instance URL and an access token, both from the
 * environment. OAuth refresh and the JWT bearer flow come later.
 */
export interface SalesforceCredentials {
  /** https://yourorg.my.salesforce.com, or a sandbox on 127.0.0.1. */
  instanceUrl: string;
  accessToken: string;
}

const instanceUrlSchema = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  });

export function salesforceCredentialsFromEnv(env: NodeJS.ProcessEnv = process.env): SalesforceCredentials {
  const accessToken = env.SALESFORCE_ACCESS_TOKEN?.trim();
  const rawUrl = env.SALESFORCE_INSTANCE_URL?.trim();
  const missing = [
    accessToken ? undefined : 'SALESFORCE_ACCESS_TOKEN',
    rawUrl ? undefined : 'SALESFORCE_INSTANCE_URL',
  ].filter((name) => name !== undefined);
  if (missing.length > 0 || !accessToken || !rawUrl) {
    throw new ConnectorConfigError('salesforce', `no credentials: set ${missing.join(' and ')}`);
  }
  const url = instanceUrlSchema.safeParse(rawUrl);
  if (!url.success) {
    throw new ConnectorConfigError(
      'salesforce',
      'SALESFORCE_INSTANCE_URL is not a URL like https://yourorg.my.salesforce.com',
    );
  }
  return { instanceUrl: url.data.replace(/\/+$/, ''), accessToken };
}

/** Every secret the credentials hold, for the log redactor. */
export function salesforceSecrets(credentials: SalesforceCredentials): string[] {
  return [credentials.accessToken];
}
