import { dirname, join, resolve } from 'node:path';
import { formatPath } from '../util/errors.js';
import type { ModelProblem } from '../util/errors.js';
import { DeploymentConfigError } from './deployment-errors.js';
import { deploymentSchema } from './deployment-schema.js';
import type { ConnectorDeployment, DeploymentConfig } from './deployment-schema.js';
import { interpolateValues } from './interpolate-env.js';
import type { PathProblem } from './interpolate-env.js';
import { literalSecrets } from './secret-literals.js';
import { describeIssues, lineOf, parseYamlText, readYamlFile } from './yaml-document.js';
import type { LocatedYaml } from './yaml-document.js';

/** The validated configuration; `model`, `predictive.model`, `state.file` and connector `mapping`s are absolute paths. */
export interface Deployment extends DeploymentConfig {
  /** Absolute path of the file it was loaded from. */
  file: string;
}

/** `$LEADSCORE_CONFIG`, else `config/leadscore.yaml` under `cwd`. */
export function defaultDeploymentFile(env: NodeJS.ProcessEnv, cwd: string): string {
  return env.LEADSCORE_CONFIG || join(cwd, 'config', 'leadscore.yaml');
}

/** Reads and validates a deployment file; `${VAR}` references are taken from `env`, never process.env. */
export async function loadDeployment(file: string, env: NodeJS.ProcessEnv): Promise<Deployment> {
  return fromLocated(await readYamlFile(file), env);
}

/** Like loadDeployment for text already read; relative paths resolve against the directory of `file`. */
export function loadDeploymentFromText(text: string, file: string, env: NodeJS.ProcessEnv): Deployment {
  return fromLocated(parseYamlText(text, file), env);
}

export function enabledConnectors(deployment: Deployment): [string, ConnectorDeployment][] {
  return Object.entries(deployment.connectors).filter(([, connector]) => connector.enabled);
}

function fromLocated(located: LocatedYaml, env: NodeJS.ProcessEnv): Deployment {
  if (located.problems.length) {
    // A file that cannot be read reads as `config/leadscore.yaml: file not found`, without a path.
    throw new DeploymentConfigError(located.problems.map((p) => (p.path === '(file)' ? { ...p, path: '' } : p)));
  }
  const secrets = literalSecrets(located.data);
  const interpolated = interpolateValues(located.data, env);
  const early = [...secrets, ...interpolated.problems];
  const parsed = deploymentSchema.safeParse(interpolated.data);
  // A value already reported (unset variable, literal secret) would only be reported again, or worse, shown.
  const issues = parsed.success
    ? []
    : parsed.error.issues.filter((issue) => !early.some((p) => startsWith(issue.path, p.path)));
  const problems = [
    ...early.map((p) => locate(located, p)),
    ...describeIssues({ ...located, data: interpolated.data }, issues),
  ];
  if (problems.length || !parsed.success) throw new DeploymentConfigError(problems);
  return withAbsolutePaths(parsed.data, resolve(located.file));
}

function withAbsolutePaths(config: DeploymentConfig, file: string): Deployment {
  const at = (path: string) => resolve(dirname(file), path);
  const connectors = Object.fromEntries(
    Object.entries(config.connectors).map(([name, c]) => [
      name,
      c.mapping === undefined ? c : { ...c, mapping: at(c.mapping) },
    ]),
  );
  const predictive = config.predictive && { ...config.predictive, model: at(config.predictive.model) };
  return {
    ...config,
    file,
    model: at(config.model),
    ...(predictive ? { predictive } : {}),
    state: { ...config.state, file: at(config.state.file) },
    connectors,
  };
}

function locate(located: LocatedYaml, problem: PathProblem): ModelProblem {
  return { file: located.file, line: lineOf(located, problem.path), path: formatPath(problem.path), message: problem.message };
}

function startsWith(path: ReadonlyArray<PropertyKey>, prefix: ReadonlyArray<PropertyKey>): boolean {
  return prefix.length <= path.length && prefix.every((key, i) => path[i] === key);
}
