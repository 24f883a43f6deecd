import { z } from 'zod';
import type { LockHolder, LockOwner, LockStore } from '../lock-store.js';
import { StateValueInvalidError } from '../state-errors.js';
import { epochMs, parseRow } from './sqlite-context.js';
import type { SqliteContext } from './sqlite-context.js';

const lockRow = z.object({
  connector: z.string(),
  owner_id: z.string(),
  owner_pid: z.number().int(),
  owner_host: z.string(),
  acquired_at: epochMs,
  heartbeat_at: epochMs,
  expires_at: epochMs,
});

export class SqliteLockStore implements LockStore {
  private readonly select;
  private readonly take;
  private readonly extendOwn;
  private readonly heartbeatAll;
  private readonly releaseAll;

  constructor(private readonly ctx: SqliteContext) {
    const db = ctx.db;
    this.select = db.prepare('SELECT * FROM locks WHERE connector = ?');
    this.take = db.prepare(
      `INSERT OR REPLACE INTO locks
         (connector, owner_id, owner_pid, owner_host, ttl_ms, acquired_at, heartbeat_at, expires_at)
       VALUES (@connector, @id, @pid, @host, @ttl, @now, @now, @now + @ttl)`,
    );
    this.extendOwn = db.prepare(
      `UPDATE locks SET ttl_ms = @ttl, heartbeat_at = @now, expires_at = @now + @ttl
       WHERE connector = @connector AND owner_id = @id`,
    );
    // A lock past its TTL that nobody took over is still this owner's: nobody else has run meanwhile.
    this.heartbeatAll = db.prepare(
      'UPDATE locks SET heartbeat_at = @now, expires_at = @now + ttl_ms WHERE owner_id = @id',
    );
    this.releaseAll = db.prepare('DELETE FROM locks WHERE owner_id = ?');
  }

  async acquire(connector: string, owner: LockOwner, ttlMs: number): Promise<boolean> {
    if (!Number.isSafeInteger(ttlMs) || ttlMs < 1) {
      throw new StateValueInvalidError(
        'lock TTL',
        `expected a positive whole number of milliseconds, got ${ttlMs}`,
      );
    }
    // IMMEDIATE takes the write lock before reading, so two processes cannot both see the lock as free.
    return this.ctx.db
      .transaction((): boolean => {
        const now = this.ctx.now();
        const current = this.read(connector, now);
        const params = { connector, id: owner.id, pid: owner.pid, host: owner.host, ttl: ttlMs, now };
        if (current?.owner.id === owner.id) {
          this.extendOwn.run(params);
          return true;
        }
        if (current && !current.expired) return false;
        this.take.run(params);
        return true;
      })
      .immediate();
  }

  async heartbeat(owner: LockOwner): Promise<number> {
    return this.heartbeatAll.run({ id: owner.id, now: this.ctx.now() }).changes;
  }

  async release(owner: LockOwner): Promise<number> {
    return this.releaseAll.run(owner.id).changes;
  }

  async holder(connector: string): Promise<LockHolder | undefined> {
    return this.read(connector);
  }

  private read(connector: string, now = this.ctx.now()): LockHolder | undefined {
    const raw = this.select.get(connector);
    if (raw === undefined) return undefined;
    const row = parseRow(this.ctx, 'locks', lockRow, raw);
    return {
      connector: row.connector,
      owner: { id: row.owner_id, pid: row.owner_pid, host: row.owner_host },
      acquiredAt: new Date(row.acquired_at),
      heartbeatAt: new Date(row.heartbeat_at),
      expiresAt: new Date(row.expires_at),
      expired: now >= row.expires_at,
    };
  }
}
