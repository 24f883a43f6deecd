import { describe, expect, it } from '@jest/globals';
import { loadDeploymentFromText } from '../../../src/config/load-deployment.js';
import { yaml } from '../helpers/leads.js';
import { CONFIG_FILE, errorOf, problemOf } from './config-helpers.js';

const SECRET_MESSAGE = 'secrets come from the environment: write ${SOME_VAR} instead of a literal value';

function withSettings(settings: string): string {
  return yaml`
    model: scoring.yaml
    state: { file: state.sqlite }
    connectors:
      hubspot:
        settings:
    ` + settings.replace(/^/gm, '      ');
}

describe('a literal secret', () => {
  it('is rejected with its file, line and path, and the value never appears in the message', () => {
    const error = errorOf(withSettings('privateAppToken: pat-na1-1234-abcd\n'));
    expect(error.message).toBe(`config/leadscore.yaml:6: connectors.hubspot.settings.privateAppToken: ${SECRET_MESSAGE}`);
    expect(error.message).not.toContain('pat-na1');
  });

  it('is recognised by the key name in any case and spelling', () => {
    for (const key of ['client_secret', 'API_KEY', 'apiKey', 'dbPassword', 'passwd', 'private_key', 'refreshToken']) {
      expect(problemOf(withSettings(`${key}: hunter2\n`))).toMatchObject({ message: SECRET_MESSAGE });
    }
  });

  it('is rejected when it is a number', () => {
    expect(problemOf(withSettings('apiKey: 123456789\n')).message).toBe(SECRET_MESSAGE);
  });

  it('is rejected anywhere under a secret-named key', () => {
    const problem = problemOf(withSettings('secrets:\n  webhook: s3cr3t\n'));
    expect(problem.path).toBe('connectors.hubspot.settings.secrets.webhook');
  });

  it('is rejected as the default of a reference, which is written in the file all the same', () => {
    const error = errorOf(withSettings('token: ${HUBSPOT_TOKEN:-pat-na1-fallback}\n'), { HUBSPOT_TOKEN: 'set' });
    expect(error.message).toContain(SECRET_MESSAGE);
    expect(error.message).not.toContain('fallback');
  });

  it('is rejected in a URL that carries credentials', () => {
    const text = withSettings('handoff:\n  webhook: { url: "https://bot:hunter2@hooks.example.com/x" }\n');
    const error = errorOf(text);
    expect(error.message).toBe(`config/leadscore.yaml:7: connectors.hubspot.settings.handoff.webhook.url: ${SECRET_MESSAGE}`);
    expect(error.message).not.toContain('hunter2');
  });
});

describe('a secret from the environment', () => {
  it('is accepted when the value is entirely ${VAR} references', () => {
    const d = loadDeploymentFromText(withSettings('accessToken: ${HUBSPOT_ACCESS_TOKEN}\n'), CONFIG_FILE, {
      HUBSPOT_ACCESS_TOKEN: 'pat-na1-real',
    });
    expect(d.connectors.hubspot?.settings).toEqual({ accessToken: 'pat-na1-real' });
  });

  it('is accepted in a URL whose credentials are references', () => {
    const d = loadDeploymentFromText(
      withSettings('handoff:\n  webhook: { url: "https://${HOOK_USER}:${HOOK_PASS}@hooks.example.com/x" }\n'),
      CONFIG_FILE,
      { HOOK_USER: 'bot', HOOK_PASS: 'pw' },
    );
    expect(d.connectors.hubspot?.settings).toEqual({ handoff: { webhook: { url: 'https://bot:pw@hooks.example.com/x' } } });
  });

  it('is accepted as a whole URL from the environment', () => {
    const d = loadDeploymentFromText(withSettings('handoff:\n  webhook: { url: "${HOOK_URL}" }\n'), CONFIG_FILE, {
      HOOK_URL: 'https://bot:pw@hooks.example.com/x',
    });
    expect(d.connectors.hubspot?.settings).toMatchObject({ handoff: { webhook: { url: 'https://bot:pw@hooks.example.com/x' } } });
  });
});
