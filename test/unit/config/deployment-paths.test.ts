import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeploymentConfigError } from '../../../src/config/deployment-errors.js';
import {
  defaultDeploymentFile,
  enabledConnectors,
  loadDeployment,
  loadDeploymentFromText,
} from '../../../src/config/load-deployment.js';
import { EXIT } from '../../../src/util/errors.js';
import { yaml } from '../helpers/leads.js';
import { CONFIG_FILE, minimal } from './config-helpers.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'leadscore-config-'));
  mkdirSync(join(dir, 'deploy'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('relative paths', () => {
  it('resolve against the directory of the config file, not the working directory', async () => {
    const file = join(dir, 'deploy', 'leadscore.yaml');
    writeFileSync(
      file,
      yaml`
        model: models/scoring.yaml
        state: { file: ../state/leadscore.sqlite }
        connectors:
          hubspot: { mapping: ../mappings/hubspot.yaml }
      `,
    );
    const d = await loadDeployment(file, {});
    expect(d.file).toBe(file);
    expect(d.model).toBe(join(dir, 'deploy', 'models', 'scoring.yaml'));
    expect(d.state.file).toBe(join(dir, 'state', 'leadscore.sqlite'));
    expect(d.connectors.hubspot?.mapping).toBe(join(dir, 'mappings', 'hubspot.yaml'));
  });

  it('leave absolute paths as written and an absent mapping absent', () => {
    const d = loadDeploymentFromText(
      yaml`
        model: /opt/models/scoring.yaml
        state: { file: /var/lib/leadscore/state.sqlite }
        connectors: { hubspot: {} }
      `,
      CONFIG_FILE,
      {},
    );
    expect(d.model).toBe('/opt/models/scoring.yaml');
    expect(d.state.file).toBe('/var/lib/leadscore/state.sqlite');
    expect(d.connectors.hubspot?.mapping).toBeUndefined();
    expect(d.predictive).toBeUndefined();
  });

  it('resolve a predictive model against the config file too', () => {
    const d = loadDeploymentFromText(
      yaml`
        model: scoring.yaml
        predictive: { model: models/converted.predictive.json }
        state: { file: state.sqlite }
        connectors: { hubspot: {} }
      `,
      join(dir, 'deploy', 'leadscore.yaml'),
      {},
    );
    expect(d.predictive?.model).toBe(join(dir, 'deploy', 'models', 'converted.predictive.json'));
  });
});

describe('missing file', () => {
  it('is a CONFIG_INVALID error that says `<file>: file not found`', async () => {
    const error = await loadDeployment('config/no-such-file.yaml', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeploymentConfigError);
    expect(error).toMatchObject({ code: 'CONFIG_INVALID', exitCode: EXIT.invalid });
    expect((error as Error).message).toBe('config/no-such-file.yaml: file not found');
  });
});

describe('defaults', () => {
  it('fill every optional section of a minimal file', () => {
    const d = loadDeploymentFromText(minimal(), CONFIG_FILE, {});
    expect(d.state).toMatchObject({
      deadLetterMaxAttempts: 5,
      scoreHistoryRetentionDays: 400,
      lockTtlSeconds: 120,
      busyTimeoutMs: 5000,
    });
    expect(d.lifecycle).toEqual({ hysteresis: 10 });
    expect(d.sync).toEqual({ pagesInFlight: 2, dryRunSample: 20 });
    expect(d.server).toEqual({ host: '127.0.0.1', port: 9464 });
    expect(d.log).toEqual({ level: 'info' });
    expect(d.connectors.hubspot).toEqual({
      enabled: true,
      timezone: 'UTC',
      schedules: {},
      salesFeedback: {
        accepted: {
          leadStatus: ['CONNECTED', 'OPEN_DEAL', 'IN_PROGRESS'],
          lifecycleStage: ['salesqualifiedlead', 'opportunity', 'customer', 'evangelist'],
        },
        rejected: { leadStatus: ['UNQUALIFIED'], lifecycleStage: [] },
      },
      settings: {},
    });
  });

  it('give each deployment its own sales feedback lists', () => {
    const first = loadDeploymentFromText(minimal(), CONFIG_FILE, {});
    first.connectors.hubspot?.salesFeedback.accepted.leadStatus.push('CHANGED');
    const second = loadDeploymentFromText(minimal(), CONFIG_FILE, {});
    expect(second.connectors.hubspot?.salesFeedback.accepted.leadStatus).not.toContain('CHANGED');
  });

  it('leave a sales feedback list out of a section that names only the other one', () => {
    const d = loadDeploymentFromText(
      yaml`
        model: scoring.yaml
        state: { file: state.sqlite }
        connectors:
          salesforce:
            salesFeedback:
              accepted: { leadStatus: [Working, Qualified] }
      `,
      CONFIG_FILE,
      {},
    );
    expect(d.connectors.salesforce?.salesFeedback).toEqual({
      accepted: { leadStatus: ['Working', 'Qualified'], lifecycleStage: [] },
      rejected: { leadStatus: [], lifecycleStage: [] },
    });
  });
});

describe('enabledConnectors', () => {
  it('lists the enabled connectors by name, in file order', () => {
    const d = loadDeploymentFromText(
      yaml`
        model: scoring.yaml
        state: { file: state.sqlite }
        connectors:
          hubspot: {}
          salesforce: { enabled: false }
          pipedrive: { enabled: true }
      `,
      CONFIG_FILE,
      {},
    );
    expect(enabledConnectors(d).map(([name]) => name)).toEqual(['hubspot', 'pipedrive']);
  });
});

describe('defaultDeploymentFile', () => {
  it('is LEADSCORE_CONFIG when set', () => {
    expect(defaultDeploymentFile({ LEADSCORE_CONFIG: '/etc/leadscore.yaml' }, '/srv/app')).toBe('/etc/leadscore.yaml');
  });
  it('is config/leadscore.yaml under the working directory otherwise', () => {
    expect(defaultDeploymentFile({}, '/srv/app')).toBe('/srv/app/config/leadscore.yaml');
  });
});
