import { z } from 'zod';

/** Operators of the SDK's FilterOperatorEnum (crm/contacts/models/Filter). */
export const OPERATORS = [
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'BETWEEN',
  'IN',
  'NOT_IN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
] as const;
export type Operator = (typeof OPERATORS)[number];

const scalar = z.union([z.string(), z.number(), z.boolean()]);

export const filterSchema = z.object({
  propertyName: z.string().min(1),
  operator: z.enum(OPERATORS),
  value: scalar.optional(),
  highValue: scalar.optional(),
  values: z.array(scalar).optional(),
});
export type SearchFilter = z.infer<typeof filterSchema>;

/** Sorts are strings in the SDK's type and `{propertyName, direction}` objects in the guide: both are read. */
const sortSchema = z.union([
  z.string().min(1),
  z.object({ propertyName: z.string().min(1), direction: z.enum(['ASCENDING', 'DESCENDING']).optional() }),
]);

export const searchRequestSchema = z.object({
  query: z.string().optional(),
  limit: z.number().int().min(0).optional(),
  after: z.union([z.string(), z.number()]).optional(),
  sorts: z.array(sortSchema).optional(),
  properties: z.array(z.string()).optional(),
  filterGroups: z.array(z.object({ filters: z.array(filterSchema) })).optional(),
});
export type SearchRequest = z.infer<typeof searchRequestSchema>;

export interface SortKey {
  propertyName: string;
  descending: boolean;
}

export function sortKeys(request: SearchRequest): SortKey[] {
  return (request.sorts ?? []).map((sort) =>
    typeof sort === 'string'
      ? { propertyName: sort.replace(/^-/, ''), descending: sort.startsWith('-') }
      : { propertyName: sort.propertyName, descending: sort.direction === 'DESCENDING' },
  );
}
