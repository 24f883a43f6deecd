import { z } from 'zod';
import { FIELD_TYPES, PROPERTY_TYPES } from './property-types.js';
import { ENGAGEMENT_TYPES } from './records.js';

const recordSchema = z
  .object({
    id: z.string().min(1),
    properties: z.record(z.string(), z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
    archived: z.boolean(),
  })
  .strict();

const groupSchema = z
  .object({ name: z.string().min(1), label: z.string(), displayOrder: z.number(), archived: z.boolean() })
  .strict();

const propertySchema = z
  .object({
    name: z.string().min(1),
    label: z.string(),
    type: z.enum(PROPERTY_TYPES),
    fieldType: z.enum(FIELD_TYPES),
    groupName: z.string(),
    description: z.string(),
    options: z.array(
      z
        .object({
          label: z.string(),
          value: z.string(),
          displayOrder: z.number(),
          hidden: z.boolean(),
          description: z.string().optional(),
        })
        .strict(),
    ),
    displayOrder: z.number(),
    hidden: z.boolean(),
    hubspotDefined: z.boolean(),
    formField: z.boolean(),
    calculated: z.boolean(),
    externalOptions: z.boolean(),
    hasUniqueValue: z.boolean(),
    modificationMetadata: z
      .object({
        archivable: z.boolean(),
        readOnlyDefinition: z.boolean(),
        readOnlyValue: z.boolean(),
        readOnlyOptions: z.boolean().optional(),
      })
      .strict(),
    createdAt: z.string(),
    updatedAt: z.string(),
    archived: z.boolean(),
  })
  .strict();

/** Everything a portal holds, as saved to disk: version 1. Tasks are engagements of type `tasks`. */
export const sandboxSnapshotSchema = z
  .object({
    version: z.literal(1),
    kind: z.literal('leadscore-hubspot-sandbox'),
    savedAt: z.string(),
    propertyGroups: z.array(groupSchema),
    properties: z.array(propertySchema),
    contacts: z.array(recordSchema),
    engagements: z.array(
      z
        .object({
          type: z.enum(ENGAGEMENT_TYPES),
          record: recordSchema,
          contactIds: z.array(z.string()),
        })
        .strict(),
    ),
    enrollments: z.array(
      z.object({ workflowId: z.string(), email: z.string(), enrolledAt: z.string() }).strict(),
    ),
    nextEngagementId: z.number().int().positive(),
  })
  .strict();

export type SandboxSnapshot = z.infer<typeof sandboxSnapshotSchema>;
