import { z } from 'zod';
import { f, type FieldDef } from '../data/field-types.js';

/**
 * A picklist value as the Tooling API's JSON writes a CustomValue: the API value is `valueName` (the
 * Metadata API's `fullName`, which is accepted too).
 */
const customValueSchema = z
  .object({
    valueName: z.string().min(1).optional(),
    fullName: z.string().min(1).optional(),
    label: z.string().min(1).optional(),
    default: z.boolean().optional(),
  })
  .passthrough()
  .refine((v) => v.valueName !== undefined || v.fullName !== undefined, {
    message: "a picklist value needs 'valueName'",
  });

/** CustomFieldMetadata: the keys the sandbox reads; any other key is kept as sent. */
export const customFieldMetadataSchema = z
  .object({
    label: z.string().min(1).max(40),
    type: z.string().min(1),
    description: z.string().nullish(),
    inlineHelpText: z.string().nullish(),
    required: z.boolean().nullish(),
    precision: z.number().int().nullish(),
    scale: z.number().int().nullish(),
    length: z.number().int().nullish(),
    visibleLines: z.number().int().nullish(),
    valueSet: z
      .object({
        restricted: z.boolean().nullish(),
        valueSetName: z.string().nullish(),
        valueSetDefinition: z
          .object({ sorted: z.boolean().nullish(), value: z.array(customValueSchema) })
          .passthrough()
          .nullish(),
      })
      .passthrough()
      .nullish(),
  })
  .passthrough();

export type CustomFieldMetadata = z.infer<typeof customFieldMetadataSchema>;

/** The CustomField types the sandbox creates, and the describe type each becomes. */
const DESCRIBE_TYPES = {
  Number: 'double',
  Picklist: 'picklist',
  LongTextArea: 'textarea',
  Text: 'string',
  DateTime: 'datetime',
} as const;

export const picklistValues = (metadata: CustomFieldMetadata): string[] =>
  (metadata.valueSet?.valueSetDefinition?.value ?? []).map((v) => (v.valueName ?? v.fullName) as string);

/**
 * What the Metadata API asks of each type, worded as its errors are ("Must specify 'precision' for a
 * CustomField of type Number"); undefined when the metadata is usable.
 */
export function metadataProblem(metadata: CustomFieldMetadata): string | undefined {
  const { type } = metadata;
  const must = (key: string) => `Must specify '${key}' for a CustomField of type ${type}`;
  switch (type) {
    case 'Number': {
      if (metadata.precision == null) return must('precision');
      if (metadata.scale == null) return must('scale');
      if (metadata.precision < 1 || metadata.precision > 18) return 'Precision must be between 1 and 18';
      if (metadata.scale < 0 || metadata.scale > metadata.precision) {
        return 'Scale must be between 0 and the precision';
      }
      return undefined;
    }
    case 'Text':
      if (metadata.length == null) return must('length');
      return metadata.length < 1 || metadata.length > 255 ? 'Length must be between 1 and 255' : undefined;
    case 'LongTextArea':
      if (metadata.length == null) return must('length');
      if (metadata.visibleLines == null) return must('visibleLines');
      return metadata.length < 256 || metadata.length > 131_072
        ? 'Length must be between 256 and 131072'
        : undefined;
    case 'Picklist': {
      const values = picklistValues(metadata);
      if (metadata.valueSet?.valueSetName) return 'Global value sets are not supported by the sandbox';
      if (values.length === 0) return must('valueSet');
      return new Set(values).size === values.length ? undefined : 'Duplicate picklist value';
    }
    case 'DateTime':
      return undefined;
    default:
      return `The leadscore sandbox does not create CustomFields of type ${type}`;
  }
}

/** The field as describe, SOQL and writes see it. */
export function toFieldDef(name: string, metadata: CustomFieldMetadata): FieldDef {
  const type = DESCRIBE_TYPES[metadata.type as keyof typeof DESCRIBE_TYPES];
  const extra: Partial<FieldDef> = {
    label: metadata.label,
    custom: true,
    nillable: metadata.required !== true,
  };
  if (type === 'double')
    return f(name, type, { ...extra, precision: metadata.precision ?? 18, scale: metadata.scale ?? 0 });
  if (type === 'string' || type === 'textarea')
    return f(name, type, { ...extra, length: metadata.length ?? 255 });
  if (type === 'picklist') {
    return f(name, type, {
      ...extra,
      picklistValues: picklistValues(metadata),
      restrictedPicklist: metadata.valueSet?.restricted === true,
    });
  }
  return f(name, type ?? 'string', extra);
}

export interface ParsedFullName {
  sobject: string;
  /** `LeadScore_Score__c` */
  field: string;
  /** `LeadScore_Score`, the CustomField's DeveloperName */
  developerName: string;
}

/**
 * `Lead.LeadScore_Score__c` → its parts; undefined unless the field name is a valid custom field API name
 * (a letter first, letters, digits and single underscores, no trailing underscore, 40 characters at most).
 */
export function parseFullName(fullName: unknown): ParsedFullName | undefined {
  if (typeof fullName !== 'string') return undefined;
  const match = /^([A-Za-z][A-Za-z0-9_]*)\.([A-Za-z](?:[A-Za-z0-9]|_(?!_))*)__c$/.exec(fullName);
  if (!match?.[1] || !match[2] || match[2].endsWith('_') || match[2].length > 40) return undefined;
  return { sobject: match[1], field: `${match[2]}__c`, developerName: match[2] };
}
