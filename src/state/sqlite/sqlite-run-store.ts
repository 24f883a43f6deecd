import { z } from 'zod';
import { FINISHED_RUN_STATUSES, RUN_KINDS, RUN_STATUSES } from '../run-store.js';
import type { RunKind, RunOutcome, RunRecord, RunStore } from '../run-store.js';
import { StateRunError, StateValueInvalidError } from '../state-errors.js';
import { describeIssues, epochMs, parseRow } from './sqlite-context.js';
import type { SqliteContext } from './sqlite-context.js';

const INTERRUPTED_BY_NEXT_START = 'left running by a process that stopped without finishing';

const count = z.number().int().nonnegative();
const outcomeSchema = z.object({
  status: z.enum(FINISHED_RUN_STATUSES),
  counts: z.object({
    read: count,
    scored: count,
    written: count,
    unchanged: count,
    failed: count,
    handedOff: count,
  }),
  apiCalls: count,
  error: z.string().optional(),
});

const nullableCount = count.nullable();
const runRow = z.object({
  id: z.number().int(),
  connector: z.string(),
  kind: z.enum(RUN_KINDS),
  status: z.enum(RUN_STATUSES),
  started_at: epochMs,
  finished_at: epochMs.nullable(),
  read_count: nullableCount,
  scored_count: nullableCount,
  written_count: nullableCount,
  unchanged_count: nullableCount,
  failed_count: nullableCount,
  handed_off_count: nullableCount,
  api_calls: nullableCount,
  error: z.string().nullable(),
});
type RunRow = z.output<typeof runRow>;

export class SqliteRunStore implements RunStore {
  private readonly insert;
  private readonly selectStatus;
  private readonly update;
  private readonly interrupt;
  private readonly selectOne;
  private readonly selectLast;

  constructor(private readonly ctx: SqliteContext) {
    const db = ctx.db;
    this.insert = db.prepare(
      "INSERT INTO runs (connector, kind, status, started_at) VALUES (?, ?, 'running', ?)",
    );
    this.selectStatus = db.prepare('SELECT status FROM runs WHERE id = ?').pluck();
    this.update = db.prepare(
      `UPDATE runs SET status = @status, finished_at = @now, read_count = @read, scored_count = @scored,
         written_count = @written, unchanged_count = @unchanged, failed_count = @failed,
         handed_off_count = @handedOff, api_calls = @apiCalls, error = @error
       WHERE id = @id`,
    );
    this.interrupt = db
      .prepare(
        `UPDATE runs SET status = 'interrupted', finished_at = ?, error = ?
         WHERE connector = ? AND status = 'running' RETURNING id`,
      )
      .pluck();
    this.selectOne = db.prepare('SELECT * FROM runs WHERE id = ?');
    this.selectLast = db.prepare(
      'SELECT * FROM runs WHERE (@connector IS NULL OR connector = @connector) ORDER BY id DESC LIMIT @limit',
    );
  }

  async start(connector: string, kind: RunKind): Promise<number> {
    if (!RUN_KINDS.includes(kind))
      throw new StateValueInvalidError('run kind', `unknown kind ${String(kind)}`);
    return Number(this.insert.run(connector, kind, this.ctx.now()).lastInsertRowid);
  }

  async finish(id: number, outcome: RunOutcome): Promise<void> {
    const parsed = outcomeSchema.safeParse(outcome);
    if (!parsed.success)
      throw new StateValueInvalidError(`outcome of run ${id}`, describeIssues(parsed.error));
    const { status, counts, apiCalls, error } = parsed.data;
    this.ctx.db
      .transaction(() => {
        const current: unknown = this.selectStatus.get(id);
        if (current === undefined) throw new StateRunError('STATE_RUN_UNKNOWN', `run ${id} does not exist`);
        if (current !== 'running' && current !== 'interrupted') {
          throw new StateRunError('STATE_RUN_FINISHED', `run ${id} is finished already (${String(current)})`);
        }
        this.update.run({ id, status, now: this.ctx.now(), ...counts, apiCalls, error: error ?? null });
      })
      .immediate();
  }

  async interruptRunning(connector: string): Promise<number[]> {
    const ids = this.interrupt.all(this.ctx.now(), INTERRUPTED_BY_NEXT_START, connector);
    return ids.map((id) => parseRow(this.ctx, 'runs', z.number().int(), id));
  }

  async get(id: number): Promise<RunRecord | undefined> {
    const raw = this.selectOne.get(id);
    return raw === undefined ? undefined : this.toRecord(raw);
  }

  async lastRuns(connector?: string, limit = 10): Promise<RunRecord[]> {
    if (!Number.isSafeInteger(limit) || limit < 1) {
      throw new StateValueInvalidError('lastRuns limit', `expected a positive integer, got ${limit}`);
    }
    return this.selectLast.all({ connector: connector ?? null, limit }).map((raw) => this.toRecord(raw));
  }

  private toRecord(raw: unknown): RunRecord {
    const row = parseRow(this.ctx, 'runs', runRow, raw);
    const record: RunRecord = {
      id: row.id,
      connector: row.connector,
      kind: row.kind,
      status: row.status,
      startedAt: new Date(row.started_at),
    };
    if (row.finished_at !== null) record.finishedAt = new Date(row.finished_at);
    const counts = countsOf(row);
    if (counts) record.counts = counts;
    if (row.api_calls !== null) record.apiCalls = row.api_calls;
    if (row.error !== null) record.error = row.error;
    return record;
  }
}

function countsOf(row: RunRow): RunRecord['counts'] {
  const { read_count, scored_count, written_count, unchanged_count, failed_count, handed_off_count } = row;
  if (
    read_count === null ||
    scored_count === null ||
    written_count === null ||
    unchanged_count === null ||
    failed_count === null ||
    handed_off_count === null
  ) {
    return undefined;
  }
  return {
    read: read_count,
    scored: scored_count,
    written: written_count,
    unchanged: unchanged_count,
    failed: failed_count,
    handedOff: handed_off_count,
  };
}
