import { describe, expect, it } from '@jest/globals';
import { loadDeploymentFromText } from '../../../src/config/load-deployment.js';
import { yaml } from '../helpers/leads.js';
import { CONFIG_FILE, errorOf, minimal, problemOf } from './config-helpers.js';

function connector(lines: string): string {
  return yaml`
    model: scoring.yaml
    state: { file: state.sqlite }
    connectors:
      hubspot:
    ` + lines.replace(/^/gm, '    ');
}

describe('schema errors', () => {
  it('an unknown key is rejected with its path and line', () => {
    const error = errorOf(minimal('server:\n  prot: 9000\n'));
    expect(error.message).toBe("config/leadscore.yaml:7: server: unknown key 'prot'");
  });

  it('an unknown key in a connector is rejected with the connector path', () => {
    expect(problemOf(connector('schedule: { full: "0 3 * * *" }\n'))).toMatchObject({
      line: 5,
      path: 'connectors.hubspot',
      message: "unknown key 'schedule'",
    });
  });

  it('an invalid cron expression is rejected with its path', () => {
    const problem = problemOf(connector('schedules:\n  incremental: "61 * * * *"\n'));
    expect(problem).toMatchObject({ line: 6, path: 'connectors.hubspot.schedules.incremental' });
    expect(problem.message).toMatch(/^invalid cron expression '61 \* \* \* \*'/);
  });

  it('a cron expression with the wrong number of fields is rejected', () => {
    const problem = problemOf(connector('schedules: { full: "0 3 * *" }\n'));
    expect(problem.path).toBe('connectors.hubspot.schedules.full');
    expect(problem.message).toContain('expected 5 or 6 fields');
  });

  it('an invalid time zone is rejected with its path', () => {
    expect(problemOf(connector('timezone: Mars/Olympus_Mons\n'))).toMatchObject({
      line: 5,
      path: 'connectors.hubspot.timezone',
      message: "unknown time zone 'Mars/Olympus_Mons' (expected an IANA zone such as Europe/Berlin)",
    });
  });

  it('a port out of range is rejected', () => {
    expect(problemOf(minimal('server: { port: 65536 }\n'))).toMatchObject({ path: 'server.port' });
    expect(problemOf(minimal('server: { port: -1 }\n'))).toMatchObject({ path: 'server.port' });
  });

  it('port 0 (any free port) is accepted', () => {
    expect(loadDeploymentFromText(minimal('server: { port: 0 }\n'), CONFIG_FILE, {}).server.port).toBe(0);
  });

  it('zero connectors are rejected', () => {
    const text = yaml`
      model: scoring.yaml
      state: { file: state.sqlite }
      connectors: {}
    `;
    expect(problemOf(text)).toMatchObject({ line: 3, path: 'connectors', message: 'at least one connector is required' });
  });

  it('a base URL that is not http(s) is rejected', () => {
    expect(problemOf(connector('baseUrl: ftp://files.example.com\n'))).toMatchObject({
      path: 'connectors.hubspot.baseUrl',
      message: 'expected an http(s) URL',
    });
  });

  it('a missing required field names it', () => {
    const text = yaml`
      state: { file: state.sqlite }
      connectors: { hubspot: {} }
    `;
    expect(problemOf(text)).toMatchObject({ path: 'model', message: 'required: expected string' });
  });

  it('every problem of the file is listed, one per line', () => {
    const text = yaml`
      model: scoring.yaml
      state: { file: state.sqlite, lockTtlSeconds: 5 }
      log: { level: verbose }
      connectors:
        hubspot: { timezone: Nowhere/City, baseUrl: '\${UNSET_URL}' }
    `;
    expect(errorOf(text).message.split('\n')).toEqual([
      'config/leadscore.yaml:5: connectors.hubspot.baseUrl: environment variable UNSET_URL is not set',
      'config/leadscore.yaml:2: state.lockTtlSeconds: Too small: expected number to be >=10',
      'config/leadscore.yaml:3: log.level: expected one of "error", "warn", "info", "debug", got "verbose"',
      "config/leadscore.yaml:5: connectors.hubspot.timezone: unknown time zone 'Nowhere/City' (expected an IANA zone such as Europe/Berlin)",
    ]);
  });

  it('a YAML syntax error names its line', () => {
    const problem = problemOf('model: scoring.yaml\nstate:\n  file: [unclosed\n');
    expect(problem).toMatchObject({ path: '(yaml)' });
    expect(problem.message).toMatch(/^YAML syntax: /);
  });
});
