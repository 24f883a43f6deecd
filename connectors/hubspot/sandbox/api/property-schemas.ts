import { z } from 'zod';
import { FIELD_TYPES, PROPERTY_TYPES } from '../data/property-types.js';

/** OptionInput: `hidden` is required in the SDK model but often left out by callers. */
const optionInput = z.object({
  label: z.string(),
  value: z.string(),
  hidden: z.boolean().optional(),
  displayOrder: z.number().int().optional(),
  description: z.string().optional(),
});
export type OptionInput = z.infer<typeof optionInput>;

/** PropertyCreate */
export const propertyCreateSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, 'name must start with a letter and use only a-z, 0-9 and _'),
  label: z.string().min(1),
  type: z.enum(PROPERTY_TYPES),
  fieldType: z.enum(FIELD_TYPES),
  groupName: z.string().min(1),
  description: z.string().optional(),
  options: z.array(optionInput).optional(),
  displayOrder: z.number().int().optional(),
  hidden: z.boolean().optional(),
  formField: z.boolean().optional(),
  hasUniqueValue: z.boolean().optional(),
  calculationFormula: z.string().optional(),
  externalOptions: z.boolean().optional(),
  referencedObjectType: z.string().optional(),
});

/** PropertyUpdate */
export const propertyUpdateSchema = z.object({
  label: z.string().min(1).optional(),
  type: z.enum(PROPERTY_TYPES).optional(),
  fieldType: z.enum(FIELD_TYPES).optional(),
  groupName: z.string().min(1).optional(),
  description: z.string().optional(),
  options: z.array(optionInput).optional(),
  displayOrder: z.number().int().optional(),
  hidden: z.boolean().optional(),
  formField: z.boolean().optional(),
  calculationFormula: z.string().optional(),
});

/** PropertyGroupCreate */
export const propertyGroupCreateSchema = z.object({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, 'name must start with a letter and use only a-z, 0-9 and _'),
  label: z.string().min(1),
  displayOrder: z.number().int().optional(),
});

export function toOptions(options: OptionInput[] | undefined) {
  return (options ?? []).map((o, index) => ({
    label: o.label,
    value: o.value,
    hidden: o.hidden ?? false,
    displayOrder: o.displayOrder ?? index,
    ...(o.description === undefined ? {} : { description: o.description }),
  }));
}
