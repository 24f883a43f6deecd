import { describe, expect, it } from '@jest/globals';
import { interpolate } from '../../../src/config/interpolate-env.js';
import { loadDeploymentFromText } from '../../../src/config/load-deployment.js';
import { yaml } from '../helpers/leads.js';
import { CONFIG_FILE, errorOf, minimal, problemOf } from './config-helpers.js';

describe('${VAR} references', () => {
  it('take the value of a set variable, inside a longer string too', () => {
    expect(interpolate('https://${HOST}:${PORT}/api', { HOST: 'crm.local', PORT: '8080' })).toEqual({
      ok: true,
      value: 'https://crm.local:8080/api',
    });
  });

  it('take the default of ${VAR:-default} when the variable is unset or empty', () => {
    expect(interpolate('${TZ_NAME:-UTC}', {})).toEqual({ ok: true, value: 'UTC' });
    expect(interpolate('${TZ_NAME:-UTC}', { TZ_NAME: '' })).toEqual({ ok: true, value: 'UTC' });
    expect(interpolate('${TZ_NAME:-UTC}', { TZ_NAME: 'Asia/Tokyo' })).toEqual({ ok: true, value: 'Asia/Tokyo' });
  });

  it('leave $${ as a literal ${ without looking the name up', () => {
    expect(interpolate('$${NOT_A_VAR} and ${A}', { A: 'a' })).toEqual({ ok: true, value: '${NOT_A_VAR} and a' });
  });

  it('reject a malformed reference', () => {
    expect(interpolate('${1BAD}', {})).toMatchObject({ ok: false });
    expect(interpolate('${UNCLOSED', {})).toMatchObject({ ok: false });
  });

  it('are replaced in the values of the loaded file', () => {
    const d = loadDeploymentFromText(
      yaml`
        model: \${MODEL_DIR}/scoring.yaml
        state: { file: state.sqlite }
        server: { host: '\${BIND:-0.0.0.0}' }
        connectors:
          hubspot:
            settings:
              handoff: { owner_task: { subject: 'Cost: $\${price}' } }
      `,
      CONFIG_FILE,
      { MODEL_DIR: '/opt/models' },
    );
    expect(d.model).toBe('/opt/models/scoring.yaml');
    expect(d.server.host).toBe('0.0.0.0');
    expect(d.connectors.hubspot?.settings).toEqual({ handoff: { owner_task: { subject: 'Cost: ${price}' } } });
  });
});

describe('an unset variable without a default', () => {
  it('is an error naming the file, the line and the path', () => {
    const text = yaml`
      model: scoring.yaml
      state: { file: state.sqlite }
      connectors:
        hubspot:
          baseUrl: \${HUBSPOT_BASE_URL}
    `;
    expect(errorOf(text).message).toBe(
      'config/leadscore.yaml:5: connectors.hubspot.baseUrl: environment variable HUBSPOT_BASE_URL is not set',
    );
  });

  it('is reported once, without a second complaint about the value it would have had', () => {
    const problem = problemOf(minimal('server:\n  port: ${PORT}\n'));
    expect(problem).toMatchObject({ line: 7, path: 'server.port', message: 'environment variable PORT is not set' });
  });
});

describe('numbers from interpolation', () => {
  it('are coerced for number fields', () => {
    const d = loadDeploymentFromText(
      minimal('server: { port: "${PORT:-9464}" }\nlifecycle: { hysteresis: "${HYST}" }\n'),
      CONFIG_FILE,
      { HYST: '7.5' },
    );
    expect(d.server.port).toBe(9464);
    expect(d.lifecycle.hysteresis).toBe(7.5);
  });

  it('are still checked: a non-numeric value is an error', () => {
    const problem = problemOf(minimal('server: { port: "${PORT}" }\n'), { PORT: 'ninety' });
    expect(problem).toMatchObject({ line: 6, path: 'server.port', message: 'expected number, got "ninety"' });
  });

  it('are not coerced for string fields', () => {
    const d = loadDeploymentFromText(minimal('server: { host: "${HOST}" }\n'), CONFIG_FILE, { HOST: '10' });
    expect(d.server.host).toBe('10');
  });
});
