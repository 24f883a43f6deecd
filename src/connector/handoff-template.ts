export const SUBJECT_PLACEHOLDERS = ['name', 'score', 'grade', 'model', 'email'] as const;
export type SubjectPlaceholder = (typeof SUBJECT_PLACEHOLDERS)[number];

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** Placeholders in a template that are not among SUBJECT_PLACEHOLDERS, e.g. `{nmae}`. */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)]
    .map((m) => m[1] ?? '')
    .filter((name) => !(SUBJECT_PLACEHOLDERS as readonly string[]).includes(name));
}

/** `MQL: {name} scored {score}` → `MQL: Ada Lovelace scored 87`. */
export function renderTemplate(template: string, values: Record<SubjectPlaceholder, string>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    name in values ? values[name as SubjectPlaceholder] : whole,
  );
}
