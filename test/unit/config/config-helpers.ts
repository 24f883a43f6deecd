import { expect } from '@jest/globals';
import { DeploymentConfigError } from '../../../src/config/deployment-errors.js';
import { loadDeploymentFromText } from '../../../src/config/load-deployment.js';
import type { ModelProblem } from '../../../src/util/errors.js';
import { yaml } from '../helpers/leads.js';

export const CONFIG_FILE = '/srv/leadscore/config/leadscore.yaml';

/** A valid deployment: the smallest file plus `extra` lines appended under the top level. */
export function minimal(extra = ''): string {
  return (
    yaml`
      model: scoring.yaml
      state:
        file: state.sqlite
      connectors:
        hubspot: {}
    ` + extra
  );
}

/** Loads the text and returns the DeploymentConfigError it throws (fails the test if it loads). */
export function errorOf(text: string, env: NodeJS.ProcessEnv = {}, file = 'config/leadscore.yaml'): DeploymentConfigError {
  try {
    loadDeploymentFromText(text, file, env);
  } catch (error) {
    expect(error).toBeInstanceOf(DeploymentConfigError);
    return error as DeploymentConfigError;
  }
  throw new Error('expected the deployment to be rejected, but it loaded');
}

/** The single problem of a deployment with exactly one mistake. */
export function problemOf(text: string, env: NodeJS.ProcessEnv = {}): ModelProblem {
  const { problems } = errorOf(text, env);
  expect(problems).toHaveLength(1);
  return problems[0] as ModelProblem;
}
