import { describe, expect, it } from '@jest/globals';
import type {
  ConnectorFactory,
  ConnectorRegistry,
  RunningSandbox,
  SandboxStartOptions,
} from '../../../src/connector/connector-registry.js';
import { sandboxRequest } from '../../../src/cli/sandbox-command.js';
import type { SandboxRequest } from '../../../src/cli/sandbox-launch.js';
import { shellQuote, startSandboxes, stopSandboxes } from '../../../src/cli/sandbox-launch.js';
import { runCapturedWith } from './run-captured.js';

interface FakeSandbox extends RunningSandbox {
  events: string[];
  startedWith: SandboxStartOptions;
}

/** A connector whose sandbox only records what is done to it. */
function fakeConnector(name: string, behaviour: { failStart?: boolean; failSave?: boolean } = {}) {
  const started: FakeSandbox[] = [];
  const factory: ConnectorFactory = {
    name,
    defaultBaseUrl: 'https://crm.example',
    defaultMappingFile: 'mapping.yaml',
    create: () => Promise.reject(new Error('not used')),
    sandbox: {
      start: async (options) => {
        if (behaviour.failStart) throw new Error(`${name} cannot start`);
        const events: string[] = [];
        const url = `http://127.0.0.1:${options.port || 50_000}`;
        const sandbox: FakeSandbox = {
          connector: name,
          url,
          description: `portal with ${options.contacts?.toLocaleString('en-US')} contacts; ${options.perTenSeconds} requests per 10 s`,
          env: { [`${name.toUpperCase()}_TOKEN`]: "it's-fake", [`${name.toUpperCase()}_URL`]: url },
          restored: false,
          events,
          startedWith: options,
          save: async () => {
            events.push('save');
            if (behaviour.failSave) throw new Error(`${name} cannot save`);
          },
          stop: async () => {
            events.push('stop');
          },
        };
        started.push(sandbox);
        return sandbox;
      },
    },
  };
  return { factory, started };
}

const request = (over: Partial<SandboxRequest> = {}): SandboxRequest => ({
  port: 4010,
  contacts: 2000,
  perTenSeconds: 190,
  ...over,
});
const registry = (...factories: ConnectorFactory[]): ConnectorRegistry =>
  new Map(factories.map((f) => [f.name, f]));

describe('startSandboxes', () => {
  it('prints each sandbox’s URL and the export lines of its environment, shell-quoted', async () => {
    const crm = fakeConnector('crm');
    const { lines } = await startSandboxes(registry(crm.factory), request());
    expect(lines[0]).toBe(
      'crm sandbox: http://127.0.0.1:4010 (portal with 2,000 contacts; 190 requests per 10 s)',
    );
    expect(lines).toContain(`  export CRM_TOKEN='it'\\''s-fake'`);
    expect(lines).toContain('  export CRM_URL=http://127.0.0.1:4010');
    expect(lines).toContain('  npx leadscore sync --config config/sandbox.yaml');
  });

  it('passes the options on and gives each further sandbox the next port', async () => {
    const a = fakeConnector('a');
    const b = fakeConnector('b');
    await startSandboxes(registry(a.factory, b.factory), request({ seed: 7 }));
    expect(a.started[0]?.startedWith).toEqual({
      port: 4010,
      contacts: 2000,
      seed: 7,
      perTenSeconds: 190,
      snapshotFile: undefined,
    });
    expect(b.started[0]?.startedWith.port).toBe(4011);
  });

  it('skips connectors without a sandbox', async () => {
    const crm = fakeConnector('crm');
    const plain: ConnectorFactory = { ...fakeConnector('plain').factory, sandbox: undefined };
    const { sandboxes } = await startSandboxes(registry(plain, crm.factory), request());
    expect(sandboxes.map((s) => s.connector)).toEqual(['crm']);
  });

  it('refuses --persist when several connectors have a sandbox', async () => {
    const a = fakeConnector('a');
    const b = fakeConnector('b');
    await expect(
      startSandboxes(registry(a.factory, b.factory), request({ persist: 'portal.json' })),
    ).rejects.toThrow('--persist: a, b all have a sandbox; choose one with --connector');
    expect(a.started).toEqual([]);
  });

  it('stops the sandboxes already started when a later one fails to start', async () => {
    const a = fakeConnector('a');
    const b = fakeConnector('b', { failStart: true });
    await expect(startSandboxes(registry(a.factory, b.factory), request())).rejects.toThrow('b cannot start');
    expect(a.started[0]?.events).toEqual(['save', 'stop']);
  });

  it('names the connectors that have a sandbox when --connector names another', async () => {
    const crm = fakeConnector('crm');
    await expect(startSandboxes(registry(crm.factory), request({ connector: 'other' }))).rejects.toThrow(
      '--connector: expected one of crm, got "other"',
    );
  });
});

describe('stopSandboxes', () => {
  it('saves and stops every sandbox even when one save fails, then reports the failure', async () => {
    const a = fakeConnector('a', { failSave: true });
    const b = fakeConnector('b');
    const { sandboxes } = await startSandboxes(registry(a.factory, b.factory), request({ port: 0 }));
    await expect(stopSandboxes(sandboxes)).rejects.toThrow('a cannot save');
    expect(a.started[0]?.events).toEqual(['save', 'stop']);
    expect(b.started[0]?.events).toEqual(['save', 'stop']);
  });
});

describe('sandbox options', () => {
  it('turns the texts into numbers', () => {
    expect(
      sandboxRequest({ port: '0', contacts: '150', seed: '3', perTenSeconds: '100', persist: 'p.json' }),
    ).toEqual({
      connector: undefined,
      port: 0,
      contacts: 150,
      seed: 3,
      perTenSeconds: 100,
      persist: 'p.json',
    });
  });

  it('names the flag of a value that is not a whole number in range', () => {
    expect(() => sandboxRequest({ port: 'abc', contacts: '1', perTenSeconds: '1' })).toThrow(
      '--port: expected a whole number from 0 to 65535, got "abc"',
    );
    expect(() => sandboxRequest({ port: '1', contacts: '1', perTenSeconds: '0' })).toThrow(
      '--per-ten-seconds',
    );
  });
});

describe('shellQuote', () => {
  it('leaves URLs and tokens bare and quotes anything a shell would read differently', () => {
    expect(shellQuote('http://127.0.0.1:4010')).toBe('http://127.0.0.1:4010');
    expect(shellQuote('pat-na1-0000')).toBe('pat-na1-0000');
    expect(shellQuote('a b$c')).toBe(`'a b$c'`);
  });
});

describe('leadscore sandbox --help', () => {
  it('shows the options with their defaults and examples', async () => {
    const run = await runCapturedWith(registry(fakeConnector('crm').factory), 'sandbox', '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--port <n>');
    expect(run.stdout).toMatch(/\(default:\s+"4010"\)/);
    expect(run.stdout).toContain('--persist <file>');
    expect(run.stdout).toContain('Examples:\n  leadscore sandbox\n');
  });
});
