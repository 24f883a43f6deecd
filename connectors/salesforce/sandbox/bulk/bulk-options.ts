import { z } from 'zod';

/** How the sandbox's Bulk API 2.0 ingest jobs progress once the client sends UploadComplete. */
export const bulkOptionsSchema = z
  .object({
    /** Job info reads (GET /jobs/ingest/{jobId}) that answer InProgress before the job completes; 1 by default. */
    pollsInProgress: z.number().int().min(0).max(10_000).optional(),
    /** Sandbox-clock time a job stays InProgress after UploadComplete, at least; 0 by default. */
    processingMs: z.number().int().min(0).optional(),
  })
  .strict();

export type BulkOptions = z.infer<typeof bulkOptionsSchema>;

export interface BulkProgress {
  pollsInProgress: number;
  processingMs: number;
}

export const resolveBulkOptions = (options: BulkOptions = {}): BulkProgress => ({
  pollsInProgress: options.pollsInProgress ?? 1,
  processingMs: options.processingMs ?? 0,
});
