import { z } from 'zod';

/** Salesforce's Error objects, as a SaveResult (sObject Collections) and an action result carry them. */
export const recordErrorsSchema = z.array(
  z.object({
    statusCode: z.string().optional(),
    message: z.string().optional(),
    fields: z.array(z.string()).optional(),
  }),
);
