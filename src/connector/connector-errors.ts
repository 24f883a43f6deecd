import { EXIT, LeadscoreError } from '../util/errors.js';

/** A connector that cannot start: missing credentials, a bad base URL. Never includes secret values. */
export class ConnectorConfigError extends LeadscoreError {
  constructor(
    readonly crm: string,
    message: string,
  ) {
    super('CONNECTOR_CONFIG', `${crm}: ${message}`, EXIT.invalid);
  }
}

/** The CRM refused our credentials or permissions, after a refresh where one was possible. */
export class ConnectorAuthError extends LeadscoreError {
  constructor(
    readonly crm: string,
    message: string,
  ) {
    super('CONNECTOR_AUTH', `${crm}: ${message}`, EXIT.failure);
  }
}

/**
 * A call the CRM rejected as a whole (not per record), with the CRM's own category and words.
 * `status` and `body` keep the shape the shared failure description reads, minus headers and secrets.
 */
export class ConnectorRequestError extends LeadscoreError {
  readonly body: { category?: string; message: string };

  constructor(
    readonly crm: string,
    readonly endpoint: string,
    readonly status: number | undefined,
    readonly category: string | undefined,
    detail: string,
  ) {
    super(
      'CONNECTOR_REQUEST',
      `${crm} ${endpoint}: ${status ?? 'no response'}${category ? ` ${category}` : ''}: ${detail}`,
    );
    this.body = { category, message: detail };
  }
}
