import type { Grades } from './suggest-grades.js';
import type { RawRule, Section } from './suggest-probe.js';

export interface DraftRule {
  section: Section;
  rule: RawRule;
  /** Shown above the rule. */
  comment?: string;
}

/** A suggested model with the comments an admin reads it by. */
export interface Draft {
  header: string[];
  id: string;
  name: string;
  description: string;
  grades?: Grades;
  gradesComment?: string;
  rules: DraftRule[];
  threshold: number;
  thresholdComment: string[];
}

const SECTIONS: readonly Section[] = ['fit', 'engagement', 'negative'];
/** Text YAML reads back as the same text without quotes (in block and flow context alike). */
const PLAIN = /^[A-Za-z_][A-Za-z0-9 _./@+-]*$/;
/** Plain words some YAML readers take for booleans or null. */
const RESERVED = /^(true|false|yes|no|on|off|y|n|null)$/i;

function scalar(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = String(value);
  // A JSON string is a valid YAML double-quoted scalar.
  return PLAIN.test(text) && !text.endsWith(' ') && !RESERVED.test(text) ? text : JSON.stringify(text);
}

/** Conditions in flow style, as the hand-written models write them: `{ field: industry, in: [a, b] }`. */
function flow(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${flow(v)}`);
    return `{ ${entries.join(', ')} }`;
  }
  return scalar(value);
}

function ruleLines(draft: DraftRule): string[] {
  const lines = draft.comment ? [`  # ${draft.comment}`] : [];
  Object.entries(draft.rule).forEach(([key, value], index) => {
    const text = value !== null && typeof value === 'object' ? flow(value) : scalar(value);
    lines.push(`${index === 0 ? '  - ' : '    '}${key}: ${text}`);
  });
  return lines;
}

/** The model as YAML text. */
export function renderModel(draft: Draft): string {
  const lines = [
    ...draft.header.map((line) => `# ${line}`.trimEnd()),
    `id: ${scalar(draft.id)}`,
    `name: ${scalar(draft.name)}`,
    `description: ${scalar(draft.description)}`,
  ];
  if (draft.grades) {
    const { A, B, C } = draft.grades;
    lines.push('');
    if (draft.gradesComment) lines.push(`# ${draft.gradesComment}`);
    lines.push(`grades: { A: ${A}, B: ${B}, C: ${C} }`);
  }
  for (const section of SECTIONS) {
    const rules = draft.rules.filter((rule) => rule.section === section);
    if (rules.length === 0) continue;
    lines.push('', `${section}:`, ...rules.flatMap(ruleLines));
  }
  lines.push(
    '',
    'mql:',
    ...draft.thresholdComment.map((line) => `  # ${line}`),
    `  threshold: ${draft.threshold}`,
  );
  return `${lines.join('\n')}\n`;
}

/** The model as the object the YAML means: what loading the text must give back. */
export function draftObject(draft: Draft): RawRule {
  const section = (name: Section) =>
    draft.rules.filter((rule) => rule.section === name).map((rule) => rule.rule);
  return {
    id: draft.id,
    name: draft.name,
    description: draft.description,
    ...(draft.grades ? { grades: draft.grades } : {}),
    fit: section('fit'),
    engagement: section('engagement'),
    negative: section('negative'),
    mql: { threshold: draft.threshold },
  };
}
