/** Response headers with lower-cased names; a repeated header's values joined with ", ". */
export type HeaderMap = Readonly<Record<string, string>>;

/** What SDKs hand over as headers: a plain object (HubSpot's ApiException), a fetch `Headers`, a Map. */
export type HeaderInput =
  | Readonly<Record<string, string | number | readonly string[] | undefined>>
  | { forEach(callback: (value: string, name: string) => void): void };

const EMPTY: HeaderMap = Object.freeze({});

export function normalizeHeaders(input: unknown): HeaderMap {
  if (typeof input !== 'object' || input === null) return EMPTY;
  const out: Record<string, string> = {};
  const add = (name: unknown, value: unknown) => {
    const text = headerText(value);
    if (typeof name === 'string' && text !== undefined) out[name.toLowerCase()] = text;
  };
  if (hasForEach(input)) input.forEach((value, name) => add(name, value));
  else for (const [name, value] of Object.entries(input)) add(name, value);
  return Object.freeze(out);
}

function hasForEach(
  input: object,
): input is { forEach(callback: (value: unknown, name: unknown) => void): void } {
  return typeof (input as { forEach?: unknown }).forEach === 'function';
}

function headerText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(String).join(', ');
  return undefined;
}
