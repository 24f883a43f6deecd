import { describeIssues, parseYamlText, readYamlFile } from '../config/yaml-document.js';
import type { LocatedYaml } from '../config/yaml-document.js';
import { MappingError } from './mapping-error.js';
import { mappingSchema, SCORE_VALUE_KEYS } from './mapping-schema.js';
import type { Mapping } from './mapping-schema.js';

/** Reads and validates a mapping file; throws a MappingError whose lines read `file:line: path: message`. */
export async function loadMapping(file: string): Promise<Mapping> {
  return fromLocated(await readYamlFile(file));
}

export function loadMappingFromText(text: string, file = '(inline)'): Mapping {
  return fromLocated(parseYamlText(text, file));
}

function fromLocated(located: LocatedYaml): Mapping {
  if (located.problems.length) throw new MappingError(located.problems);
  const parsed = mappingSchema.safeParse(located.data);
  if (!parsed.success) throw new MappingError(describeIssues(located, parsed.error.issues));
  return parsed.data;
}

/** The score values read back into `lead.current` (ScoreFields), to diff against. */
export const READ_BACK_SCORE_KEYS: readonly (typeof SCORE_VALUE_KEYS)[number][] = SCORE_VALUE_KEYS;

/**
 * Every CRM property a read must request, each once, in a stable order: mapped fields, custom properties,
 * rollup properties, then the score properties that `lead.current` is filled from.
 */
export function requiredProperties(mapping: Mapping): string[] {
  const names = new Set<string>();
  const add = (name: string | undefined): void => {
    if (name !== undefined) names.add(name);
  };
  Object.values(mapping.fields).forEach(add);
  Object.values(mapping.custom).forEach(add);
  for (const rollup of mapping.rollups) {
    add(rollup.count);
    add(rollup.first);
    add(rollup.last);
    for (const property of Object.values(rollup.lastAttributes ?? {})) add(property);
  }
  for (const key of READ_BACK_SCORE_KEYS) add(mapping.scoreProperties[key]);
  return [...names];
}

/**
 * The properties an engagement read must request for `objectType`: those of every mapping of the type
 * (date, `when` properties, attribute properties), each once; none if it is not mapped.
 */
export function engagementProperties(mapping: Mapping, objectType: string): string[] {
  if (!Object.hasOwn(mapping.engagements, objectType)) return [];
  const names = mapping.engagements[objectType]!.flatMap((spec) => [
    spec.at,
    ...Object.keys(spec.when ?? {}),
    ...Object.values(spec.attributes ?? {}),
  ]);
  return [...new Set(names)];
}
