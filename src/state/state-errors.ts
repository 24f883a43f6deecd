import { LeadscoreError } from '../util/errors.js';

/** The state file was written by a newer leadscore: older code must not guess at a schema it does not know. */
export class StateSchemaNewerError extends LeadscoreError {
  constructor(
    readonly file: string,
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      'STATE_SCHEMA_NEWER',
      `state file ${file} has schema version ${found}, but this leadscore knows versions up to ${supported}: ` +
        'upgrade leadscore, or point it at another state file',
    );
  }
}

/** A migration failed; the transaction was rolled back, so the file is still at its previous version. */
export class StateMigrationError extends LeadscoreError {
  constructor(
    readonly file: string,
    readonly migration: string,
    detail: string,
  ) {
    super('STATE_MIGRATION_FAILED', `state file ${file}: migration ${migration} failed: ${detail}`);
  }
}

/** The state file cannot be opened at all (missing directory, not a database, no permission). */
export class StateOpenError extends LeadscoreError {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super('STATE_OPEN_FAILED', `state file ${file} cannot be opened: ${detail}`);
  }
}

/** A row read back does not have the shape this code wrote: a hand-edited or damaged file. */
export class StateRowInvalidError extends LeadscoreError {
  constructor(
    readonly file: string,
    readonly table: string,
    detail: string,
  ) {
    super('STATE_ROW_INVALID', `state file ${file}: a row of ${table} is invalid: ${detail}`);
  }
}

/** A value handed to the store that it refuses to keep (e.g. a cursor that is not a flat JSON object). */
export class StateValueInvalidError extends LeadscoreError {
  constructor(what: string, detail: string) {
    super('STATE_VALUE_INVALID', `${what}: ${detail}`);
  }
}

/** A run that does not exist, or is finished already. */
export class StateRunError extends LeadscoreError {
  constructor(code: 'STATE_RUN_UNKNOWN' | 'STATE_RUN_FINISHED', message: string) {
    super(code, message);
  }
}

/**
 * A ledger call that would break exactly-once: sending an action that already succeeded, or re-sending
 * one whose previous attempt may have been sent but was never confirmed.
 */
export class HandoffLedgerError extends LeadscoreError {
  constructor(code: 'STATE_HANDOFF_SUCCEEDED' | 'STATE_HANDOFF_UNCONFIRMED', message: string) {
    super(code, message);
  }
}
