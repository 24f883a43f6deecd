export interface LogEntry {
  /** ISO 8601, UTC. */
  timestamp: string;
  level: string;
  message: string;
  /** Already redacted. `timestamp`, `level` and `message` keys in it are ignored: the entry's own win. */
  meta: Record<string, unknown>;
}

const RESERVED = new Set(['timestamp', 'level', 'message']);

/** `{"timestamp":"…","level":"info","message":"…","runId":7,…}` */
export function formatJsonLine(entry: LogEntry): string {
  const { timestamp, level, message, meta } = entry;
  return JSON.stringify({ timestamp, level, message, ...fields(meta) }, jsonSafe);
}

/** `2026-11-21T09:00:00.000Z info hubspot: message key=value …` */
export function formatHumanLine(entry: LogEntry): string {
  const { connector, ...rest } = fields(entry.meta);
  const prefix = typeof connector === 'string' ? `${connector}: ` : '';
  const pairs = Object.entries(connector === undefined || prefix ? rest : { connector, ...rest })
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${humanValue(value)}`);
  return [`${entry.timestamp} ${entry.level} ${prefix}${entry.message}`, ...pairs].join(' ');
}

function fields(meta: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(meta).filter(([key]) => !RESERVED.has(key)));
}

function humanValue(value: unknown): string {
  if (typeof value === 'string') return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  if (typeof value !== 'object' || value === null) return String(value);
  if (value instanceof Date) return value.toISOString();
  if (isErrorLike(value)) return JSON.stringify(`${value.name}: ${value.message}`);
  return JSON.stringify(value, jsonSafe);
}

/** What `redact` turns an Error into. */
function isErrorLike(value: object): value is { name: string; message: string } {
  const candidate = value as { name?: unknown; message?: unknown; stack?: unknown };
  return (
    typeof candidate.name === 'string' &&
    typeof candidate.message === 'string' &&
    typeof candidate.stack === 'string'
  );
}

function jsonSafe(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
