import { z } from 'zod';

/**
 * Conditions are the one small language of the model: fit rules, engagement `where` filters,
 * negative rules and the MQL acceptance criteria all use it.
 *   { field: industry, in: [software, saas] }      a leaf: one field, exactly one operator
 *   { all: [...] } / { any: [...] } / { not: {...} }
 */
export const OPERATORS = [
  'equals',
  'in',
  'not_in',
  'contains',
  'matches',
  'gte',
  'lte',
  'between',
  'exists',
  'missing',
] as const;
export type Operator = (typeof OPERATORS)[number];

export type Scalar = string | number | boolean;
export type ListRef = { list: string };

export type Condition =
  | { kind: 'leaf'; field: string; op: Operator; value: unknown }
  | { kind: 'all'; of: Condition[] }
  | { kind: 'any'; of: Condition[] }
  | { kind: 'not'; of: Condition };

const scalar = z.union([z.string(), z.number(), z.boolean()]);
const listRef = z.object({ list: z.string().min(1) }).strict();
/** `2026-03-05`, optionally with a time and zone. */
export const ISO_DATE = /^\s*\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?\s*$/i;

const numberOrDate = z.union([
  z.number(),
  z.string().refine((s) => ISO_DATE.test(s) && !Number.isNaN(Date.parse(s)), {
    message: 'expected a number or an ISO-8601 date like 2026-03-05',
  }),
]);
const regex = z.string().superRefine((source, ctx) => {
  try {
    new RegExp(source, 'i');
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: `invalid regular expression: ${(error as Error).message}` });
  }
});

const OPERAND_SCHEMAS: Record<Operator, z.ZodType> = {
  equals: scalar,
  in: z.union([z.array(scalar), listRef]),
  not_in: z.union([z.array(scalar), listRef]),
  contains: z.string(),
  matches: regex,
  gte: numberOrDate,
  lte: numberOrDate,
  between: z.tuple([numberOrDate, numberOrDate]),
  exists: z.literal(true),
  missing: z.literal(true),
};

const COMBINATORS = ['all', 'any', 'not'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parsed by hand rather than with z.union so that a mistake gets one precise message
 * ("unknown operator 'greater_than'") instead of a union's list of every branch that failed.
 */
export const conditionSchema: z.ZodType<Condition, unknown> = z
  .unknown()
  .transform((input, ctx): Condition => {
    const fail = (message: string, path: PropertyKey[] = []): Condition => {
      ctx.addIssue({ code: 'custom', message, path, input });
      return z.NEVER;
    };
    if (!isRecord(input)) return fail(`expected a condition object, got ${describe(input)}`);

    const combinator = COMBINATORS.find((key) => key in input);
    if (combinator) {
      const extra = Object.keys(input).filter((key) => key !== combinator);
      if (extra.length)
        return fail(`'${combinator}' cannot be combined with ${extra.map((k) => `'${k}'`).join(', ')}`);
      const inner = input[combinator];
      if (combinator === 'not') {
        const parsed = conditionSchema.safeParse(inner);
        if (!parsed.success) return forward(parsed.error, ['not']);
        return { kind: 'not', of: parsed.data };
      }
      if (!Array.isArray(inner) || inner.length === 0)
        return fail(`expected a non-empty list of conditions, got ${describe(inner)}`, [combinator]);
      const parsed = z.array(conditionSchema).safeParse(inner);
      if (!parsed.success) return forward(parsed.error, [combinator]);
      return { kind: combinator, of: parsed.data };
    }

    if (typeof input.field !== 'string' || input.field.trim() === '')
      return fail(`expected 'field' (a lead field name) or one of all / any / not`, ['field']);
    const operators = Object.keys(input).filter((key) => key !== 'field');
    if (operators.length !== 1) {
      return fail(
        operators.length === 0
          ? `expected one operator (${OPERATORS.join(', ')})`
          : `expected exactly one operator, got ${operators.join(', ')}`,
      );
    }
    const op = operators[0] as string;
    if (!(OPERATORS as readonly string[]).includes(op))
      return fail(`unknown operator '${op}' (expected one of ${OPERATORS.join(', ')})`, [op]);
    const operand = OPERAND_SCHEMAS[op as Operator].safeParse(input[op]);
    if (!operand.success) return forward(operand.error, [op]);
    if (op === 'between') {
      const [low, high] = operand.data as [number | string, number | string];
      if (toComparable(low) > toComparable(high))
        return fail(`expected [low, high] with low <= high, got [${low}, ${high}]`, [op]);
    }
    return { kind: 'leaf', field: input.field.trim(), op: op as Operator, value: operand.data };

    function forward(error: z.ZodError, prefix: PropertyKey[]): Condition {
      for (const issue of error.issues) {
        ctx.addIssue({ code: 'custom', message: issue.message, path: [...prefix, ...issue.path], input });
      }
      return z.NEVER;
    }
  });

export function toComparable(value: number | string): number {
  return typeof value === 'number' ? value : Date.parse(value);
}

export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return JSON.stringify(value);
}
