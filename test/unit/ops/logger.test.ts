import { describe, expect, it } from '@jest/globals';
import { createLogger, silentLogger } from '../../../src/ops/logger.js';
import type { LoggerOptions } from '../../../src/ops/logger.js';
import { captureStream } from './capture-stream.js';

const AT = Date.UTC(2026, 10, 21, 9, 0, 0);

function logTo(options: Omit<LoggerOptions, 'stream'> = {}) {
  const stream = captureStream();
  const logger = createLogger({ env: {}, now: () => AT, ...options, stream });
  const entries = () => stream.lines().map((line) => JSON.parse(line) as Record<string, unknown>);
  return { logger, stream, entries };
}

describe('JSON lines', () => {
  it('writes one JSON object per line with timestamp, level, message and metadata', () => {
    const { logger, stream } = logTo();
    logger.info('run finished', { runId: 7, connector: 'hubspot', counts: { read: 4200 } });
    expect(stream.text()).toBe(
      '{"timestamp":"2026-11-21T09:00:00.000Z","level":"info","message":"run finished",' +
        '"runId":7,"connector":"hubspot","counts":{"read":4200}}\n',
    );
  });
  it('writes at info and above by default', () => {
    const { logger, entries } = logTo();
    logger.debug('noise');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(entries().map((e) => e.level)).toEqual(['info', 'warn', 'error']);
  });
  it('writes debug lines when the level is debug', () => {
    const { logger, entries } = logTo({ level: 'debug' });
    logger.debug('detail');
    expect(entries()).toMatchObject([{ level: 'debug', message: 'detail' }]);
  });
  it('writes only errors when the level is error', () => {
    const { logger, entries } = logTo({ level: 'error' });
    logger.warn('w');
    logger.error('e');
    expect(entries().map((e) => e.message)).toEqual(['e']);
  });
  it('adds the metadata of a child logger to every line', () => {
    const { logger, entries } = logTo();
    logger.child({ runId: 7 }).child({ connector: 'salesforce' }).info('page', { read: 200 });
    expect(entries()).toMatchObject([{ message: 'page', runId: 7, connector: 'salesforce', read: 200 }]);
  });
  it('lets metadata given per line win over the child logger’s', () => {
    const { logger, entries } = logTo();
    logger.child({ phase: 'read' }).info('x', { phase: 'write' });
    expect(entries()).toMatchObject([{ phase: 'write' }]);
  });
  it('keeps its own timestamp, level and message over metadata with those names', () => {
    const { logger, entries } = logTo();
    logger.warn('real', { level: 'error', message: 'fake', timestamp: 'then' });
    expect(entries()).toEqual([{ timestamp: '2026-11-21T09:00:00.000Z', level: 'warn', message: 'real' }]);
  });
  it('writes an Error in metadata with its message and stack', () => {
    const { logger, entries } = logTo();
    logger.error('write failed', { error: new Error('HTTP 500') });
    expect(entries()[0]?.error).toMatchObject({
      name: 'Error',
      message: 'HTTP 500',
      stack: expect.stringContaining('Error: HTTP 500'),
    });
  });
});

describe('human lines', () => {
  it('put the connector before the message and the rest as key=value', () => {
    const { logger, stream } = logTo({ json: false });
    logger.child({ connector: 'hubspot' }).info('page read', { runId: 7, read: 200, note: 'two words' });
    expect(stream.text()).toBe(
      '2026-11-21T09:00:00.000Z info hubspot: page read runId=7 read=200 note="two words"\n',
    );
  });
  it('show an Error by its name and message', () => {
    const { logger, stream } = logTo({ json: false });
    logger.error('write failed', { error: new TypeError('bad input') });
    expect(stream.text()).toBe('2026-11-21T09:00:00.000Z error write failed error="TypeError: bad input"\n');
  });
  it('show objects as JSON', () => {
    const { logger, stream } = logTo({ json: false });
    logger.info('done', { counts: { read: 1, failed: 0 } });
    expect(stream.text()).toBe('2026-11-21T09:00:00.000Z info done counts={"read":1,"failed":0}\n');
  });
});

describe('redaction', () => {
  const SECRET = 'pat-na1-0a1b2c3d-4e5f-6789-abcd-ef0123456789';
  const PASSWORD = 'Tr0ub4dor&3';
  const env = { HUBSPOT_ACCESS_TOKEN: SECRET, SF_PASSWORD: PASSWORD, PATH: '/usr/bin' };

  function leakyLines(logger: ReturnType<typeof createLogger>): void {
    const error = Object.assign(new Error(`refused ${PASSWORD}`), { response: { body: `token ${SECRET}` } });
    logger.info(`using ${SECRET}`);
    logger.warn('retrying', { headers: { Authorization: `Bearer ${SECRET}` }, attempt: 2 });
    logger.error('login failed', { error, tried: [`user:${PASSWORD}`, { nested: { deeper: PASSWORD } }] });
    logger
      .child({ auth: `Bearer ${SECRET}` })
      .info('child', { url: `https://x.test/?access_token=${SECRET}` });
  }

  it('never writes a secret from the environment, in JSON lines', () => {
    const { logger, stream } = logTo({ env, level: 'debug' });
    leakyLines(logger);
    expect(stream.lines()).toHaveLength(4);
    expect(stream.text()).not.toContain(SECRET);
    expect(stream.text()).not.toContain(PASSWORD);
  });
  it('never writes a secret from the environment, in human lines', () => {
    const { logger, stream } = logTo({ env, json: false });
    leakyLines(logger);
    expect(stream.lines().length).toBeGreaterThanOrEqual(4);
    expect(stream.text()).not.toContain(SECRET);
    expect(stream.text()).not.toContain(PASSWORD);
  });
  it('marks where a secret was removed', () => {
    const { logger, entries } = logTo({ env });
    logger.info(`refused ${PASSWORD}`);
    expect(entries()[0]?.message).toBe('refused [REDACTED]');
  });
  it('redacts values under secret-named keys even when they are not in the environment', () => {
    const { logger, entries } = logTo();
    logger.info('config', { client_secret: 'not-in-env', refresh_token: 'also-not' });
    expect(entries()).toMatchObject([{ client_secret: '[REDACTED]', refresh_token: '[REDACTED]' }]);
  });
  it('reads the secrets from process.env when no env is given', () => {
    process.env.LEADSCORE_TEST_API_KEY = 'from-process-env';
    try {
      const stream = captureStream();
      createLogger({ stream }).info('key from-process-env');
      expect(stream.text()).not.toContain('from-process-env');
    } finally {
      delete process.env.LEADSCORE_TEST_API_KEY;
    }
  });
});

describe('silentLogger', () => {
  it('accepts every call, children included, and writes nothing', () => {
    const logger = silentLogger();
    expect(() => {
      logger.error('e', { a: 1 });
      logger.child({ runId: 1 }).info('i');
    }).not.toThrow();
  });
});
