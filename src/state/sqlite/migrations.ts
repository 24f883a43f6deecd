export interface Migration {
  /** 1, 2, 3, ...: a file's schema version is the highest id applied to it. */
  id: number;
  name: string;
  sql: string;
}

/**
 * Append only: never edit a migration that has shipped. Enumerations (run kinds, statuses, actions) are not
 * CHECK constraints, since SQLite can only change those by rebuilding the table; rows are validated on read.
 * Times are integer milliseconds since the epoch.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'cursors, runs, handoff ledger, dead letters, score history, locks',
    sql: `
      CREATE TABLE cursors (
        connector TEXT NOT NULL,
        stream TEXT NOT NULL,
        cursor_json TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (connector, stream)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        connector TEXT NOT NULL,
        kind TEXT NOT NULL,
        status TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        finished_at INTEGER,
        read_count INTEGER,
        scored_count INTEGER,
        written_count INTEGER,
        unchanged_count INTEGER,
        failed_count INTEGER,
        handed_off_count INTEGER,
        api_calls INTEGER,
        error TEXT
      ) STRICT;
      CREATE INDEX runs_by_connector ON runs (connector, id);

      CREATE TABLE handoff_ledger (
        transition_key TEXT NOT NULL,
        action TEXT NOT NULL,
        state TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        detail TEXT,
        started_at INTEGER,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (transition_key, action)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX handoff_ledger_started ON handoff_ledger (started_at) WHERE state = 'started';

      CREATE TABLE dead_letters (
        connector TEXT NOT NULL,
        record_id TEXT NOT NULL,
        status TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        reason TEXT NOT NULL,
        code TEXT,
        first_at INTEGER NOT NULL,
        last_at INTEGER NOT NULL,
        PRIMARY KEY (connector, record_id)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE score_history (
        id INTEGER PRIMARY KEY,
        connector TEXT NOT NULL,
        record_id TEXT NOT NULL,
        at INTEGER NOT NULL,
        score REAL NOT NULL,
        grade TEXT NOT NULL,
        status TEXT NOT NULL,
        model TEXT NOT NULL
      ) STRICT;
      CREATE INDEX score_history_by_record ON score_history (connector, record_id, at);
      CREATE INDEX score_history_by_at ON score_history (at);

      CREATE TABLE locks (
        connector TEXT PRIMARY KEY,
        owner_id TEXT NOT NULL,
        owner_pid INTEGER NOT NULL,
        owner_host TEXT NOT NULL,
        ttl_ms INTEGER NOT NULL,
        acquired_at INTEGER NOT NULL,
        heartbeat_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX locks_by_owner ON locks (owner_id);
    `,
  },
  {
    id: 2,
    name: 'lead marks: sales rejections and MQL handoff episodes',
    sql: `
      CREATE TABLE lead_marks (
        connector TEXT NOT NULL,
        record_id TEXT NOT NULL,
        rejected_at INTEGER,
        episode_start INTEGER,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (connector, record_id)
      ) STRICT, WITHOUT ROWID;
    `,
  },
];
