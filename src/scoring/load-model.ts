import { describeIssues, lineOf, parseYamlText, readYamlFile } from '../config/yaml-document.js';
import type { LocatedYaml } from '../config/yaml-document.js';
import { ModelError } from '../util/errors.js';
import type { ModelProblem } from '../util/errors.js';
import { formatPath } from '../util/errors.js';
import type { Condition } from './condition-schema.js';
import { BUILTIN_LISTS, compileModel } from './compile-model.js';
import type { CompiledModel } from './compile-model.js';
import { scoringModelSchema } from './model-schema.js';
import type { ScoringModel } from './model-schema.js';

export interface LoadedModel {
  file: string;
  model: ScoringModel;
  compiled: CompiledModel;
  located: LocatedYaml;
}

/** Reads, validates and compiles a model file; every problem names the file, line and path. */
export async function loadModel(file: string): Promise<LoadedModel> {
  return fromLocated(await readYamlFile(file));
}

export function loadModelFromText(text: string, file = '(inline)'): LoadedModel {
  return fromLocated(parseYamlText(text, file));
}

function fromLocated(located: LocatedYaml): LoadedModel {
  if (located.problems.length) throw new ModelError(located.problems);
  const parsed = scoringModelSchema.safeParse(located.data);
  if (!parsed.success) throw new ModelError(describeIssues(located, parsed.error.issues));
  const problems = unknownListReferences(located, parsed.data);
  if (problems.length) throw new ModelError(problems);
  return { file: located.file, model: parsed.data, compiled: compileModel(parsed.data), located };
}

/** Every `{ list: NAME }` must name a list of the model or a built-in one. */
function unknownListReferences(located: LocatedYaml, model: ScoringModel): ModelProblem[] {
  const known = new Set([...Object.keys(model.lists), ...Object.keys(BUILTIN_LISTS)]);
  const problems: ModelProblem[] = [];
  forEachCondition(model, (condition, path) => {
    if (condition.kind !== 'leaf' || (condition.op !== 'in' && condition.op !== 'not_in')) return;
    const ref = condition.value as { list?: string };
    if (Array.isArray(ref) || ref.list === undefined || known.has(ref.list)) return;
    const at = [...path, condition.op, 'list'];
    problems.push({
      file: located.file,
      line: lineOf(located, at),
      path: formatPath(at),
      message: `unknown list '${ref.list}' (expected one of ${[...known].join(', ')})`,
    });
  });
  return problems;
}

/** Visits every condition of a model with its YAML path. */
export function forEachCondition(
  model: ScoringModel,
  visit: (condition: Condition, path: PropertyKey[]) => void,
): void {
  const walk = (condition: Condition, path: PropertyKey[]) => {
    visit(condition, path);
    if (condition.kind === 'not') walk(condition.of, [...path, 'not']);
    else if (condition.kind !== 'leaf') condition.of.forEach((c, i) => walk(c, [...path, condition.kind, i]));
  };
  model.fit.forEach((r, i) => walk(r.when, ['fit', i, 'when']));
  model.engagement.forEach((r, i) => r.where && walk(r.where, ['engagement', i, 'where']));
  model.negative.forEach((r, i) => {
    if (r.when) walk(r.when, ['negative', i, 'when']);
    if (r.where) walk(r.where, ['negative', i, 'where']);
  });
  model.mql.accept.forEach((c, i) => walk(c.when, ['mql', 'accept', i, 'when']));
  model.mql.exclude.forEach((c, i) => walk(c.when, ['mql', 'exclude', i, 'when']));
}
