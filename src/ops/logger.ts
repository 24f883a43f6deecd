import { Writable } from 'node:stream';
import winston from 'winston';
import { formatHumanLine, formatJsonLine } from './log-line.js';
import { redact, secretValuesFromEnv } from './redact.js';

export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Structured fields of one log line: runId, connector, counts, an error, ... */
export type LogMeta = Record<string, unknown>;

/** What the rest of the code logs through, so that nothing else depends on winston. */
export interface Logger {
  error(message: string, meta?: LogMeta): void;
  warn(message: string, meta?: LogMeta): void;
  info(message: string, meta?: LogMeta): void;
  debug(message: string, meta?: LogMeta): void;
  /** A logger adding `meta` to every line; keys given per line win over it. */
  child(meta: LogMeta): Logger;
}

export interface LoggerOptions {
  /** Least severe level written; default `info`. */
  level?: LogLevel;
  /** Where lines go; default stderr, keeping stdout for command output. */
  stream?: NodeJS.WritableStream;
  /** Whose secret-named variables are redacted wherever their values appear; default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** JSON lines (default) or a short human-readable line for interactive use. */
  json?: boolean;
  /** Clock for the timestamp, in ms since the epoch; default `Date.now`. */
  now?: () => number;
}

/** `winston` stores the finished line under this symbol (triple-beam's MESSAGE). */
const MESSAGE = Symbol.for('message');
/** Keys of winston's info object that are not log metadata. */
const INFO_KEYS = new Set(['level', 'message']);

/**
 * A winston logger writing one line per entry. Every line is redacted before it is written: the message
 * and all metadata, whatever their depth, against the secret values found in `env` when the logger is
 * created and against credential-shaped text (see `redact`).
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const secrets = secretValuesFromEnv(options.env ?? process.env);
  const now = options.now ?? Date.now;
  const render = options.json === false ? formatHumanLine : formatJsonLine;

  const redactAndRender = winston.format((info) => {
    const meta: LogMeta = {};
    for (const key of Object.keys(info)) if (!INFO_KEYS.has(key)) meta[key] = info[key];
    const message = redact(String(info.message), secrets) as string;
    info[MESSAGE] = render({
      timestamp: new Date(now()).toISOString(),
      level: info.level,
      message,
      meta: redact(meta, secrets) as LogMeta,
    });
    return info;
  });

  const inner = winston.createLogger({
    levels: Object.fromEntries(LOG_LEVELS.map((level, severity) => [level, severity])),
    level: options.level ?? 'info',
    format: redactAndRender(),
    transports: [new winston.transports.Stream({ stream: lineSink(options.stream ?? process.stderr) })],
  });
  return new WinstonLogger(inner);
}

/** A logger that drops everything, for tests and library use. */
export function silentLogger(): Logger {
  const logger: Logger = {
    error: () => undefined,
    warn: () => undefined,
    info: () => undefined,
    debug: () => undefined,
    child: () => logger,
  };
  return logger;
}

class WinstonLogger implements Logger {
  readonly #inner: winston.Logger;

  constructor(inner: winston.Logger) {
    this.#inner = inner;
  }

  error(message: string, meta?: LogMeta): void {
    this.#log('error', message, meta);
  }

  warn(message: string, meta?: LogMeta): void {
    this.#log('warn', message, meta);
  }

  info(message: string, meta?: LogMeta): void {
    this.#log('info', message, meta);
  }

  debug(message: string, meta?: LogMeta): void {
    this.#log('debug', message, meta);
  }

  child(meta: LogMeta): Logger {
    return new WinstonLogger(this.#inner.child(meta));
  }

  #log(level: LogLevel, message: string, meta: LogMeta | undefined): void {
    this.#inner.log({ ...meta, level, message });
  }
}

/**
 * winston's Stream transport wants a real stream.Writable; this adapter also accepts anything with
 * `write()` and keeps winston from raising the listener limit of process.stderr itself.
 */
function lineSink(target: NodeJS.WritableStream): Writable {
  return new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      target.write(chunk);
      callback();
    },
  });
}
