import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import type { z } from 'zod';
import { describe } from '../scoring/condition-schema.js';
import { formatPath } from '../util/errors.js';
import type { ModelProblem } from '../util/errors.js';

/** A YAML file parsed with positions kept, so that schema problems can name their line. */
export interface LocatedYaml {
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
  data: unknown;
  problems: ModelProblem[];
}

export async function readYamlFile(file: string): Promise<LocatedYaml> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
    return { file, doc: parseDocument(''), lines: new LineCounter(), data: undefined, problems: [{ file, path: '(file)', message: reason }] };
  }
  return parseYamlText(text, file);
}

export function parseYamlText(text: string, file: string): LocatedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const problems: ModelProblem[] = doc.errors.map((error) => ({
    file,
    line: error.linePos?.[0]?.line ?? lines.linePos(error.pos[0]).line,
    path: '(yaml)',
    message: `YAML syntax: ${error.message.split('\n')[0]}`,
  }));
  const data = problems.length ? undefined : doc.toJS();
  return { file, doc, lines, data, problems };
}

/** The 1-based line of the node at `path`, or of its closest existing parent. */
export function lineOf(located: LocatedYaml, path: ReadonlyArray<PropertyKey>): number | undefined {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = located.doc.getIn(path.slice(0, depth) as unknown[], true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return located.lines.linePos(node.range[0]).line;
  }
  return undefined;
}

function valueAt(data: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** Turns zod's issues into problems that read like `engagement[3].points: expected number, got "ten"`. */
export function describeIssues(located: LocatedYaml, issues: ReadonlyArray<z.core.$ZodIssue>): ModelProblem[] {
  return issues.map((issue) => {
    const got = valueAt(located.data, issue.path);
    let message = issue.message;
    if (issue.code === 'invalid_type') {
      message = got === undefined ? `required: expected ${issue.expected}` : `expected ${issue.expected}, got ${describe(got)}`;
    } else if (issue.code === 'invalid_value') {
      message = `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${describe(got)}`;
    } else if (issue.code === 'unrecognized_keys') {
      message = `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`;
    } else if (issue.code === 'invalid_union' && got !== undefined) {
      message = `${firstUnionMessage(issue) ?? 'invalid value'}, got ${describe(got)}`;
    }
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] as string] : issue.path;
    return { file: located.file, line: lineOf(located, path), path: formatPath(issue.path), message };
  });
}

function firstUnionMessage(issue: z.core.$ZodIssueInvalidUnion): string | undefined {
  const expected = new Set<string>();
  for (const branch of issue.errors) {
    for (const inner of branch) {
      if (inner.path.length) continue;
      if (inner.code === 'invalid_type') expected.add(inner.expected);
      else if (inner.code === 'invalid_value') inner.values.forEach((v) => expected.add(JSON.stringify(v)));
    }
  }
  return expected.size ? `expected ${[...expected].join(' or ')}` : undefined;
}
