import type { Lead } from '../model/lead.js';
import type { InputProblemHandler } from './input-problem.js';
import { asInputError, formatFromExtension, openLeadFile } from './lead-file.js';
import type { LeadFileFormat } from './lead-file.js';
import { readCsvLeads } from './read-csv.js';
import { readJsonlLeads } from './read-jsonl.js';

export { formatProblem } from './input-problem.js';
export type { InputProblem, InputProblemCode, InputProblemHandler } from './input-problem.js';
export type { LeadFileFormat } from './lead-file.js';

export interface ReadLeadsOptions {
  /** Defaults to the one the extension names: .jsonl/.ndjson/.json, or .csv/.tsv/.txt. */
  format?: LeadFileFormat;
  /** Called for every value not taken as written; reading goes on. */
  onProblem: InputProblemHandler;
}

/**
 * Streams the leads of a JSONL or CSV file in file order, never holding the whole file. Consume it with
 * `for await`: the file is read only as fast as leads are taken. Throws InputError only when the file
 * cannot be read at all (unknown format, missing, unreadable); problems in records go to `onProblem`.
 */
export async function* readLeads(file: string, options: ReadLeadsOptions): AsyncGenerator<Lead> {
  const format = options.format ?? formatFromExtension(file);
  const handle = await openLeadFile(file);
  try {
    if (format === 'csv') yield* readCsvLeads(file, handle, options.onProblem);
    else
      yield* readJsonlLeads(
        file,
        handle.createReadStream({ encoding: 'utf8', autoClose: false }),
        options.onProblem,
      );
  } catch (error) {
    throw asInputError(file, error);
  } finally {
    await handle.close();
  }
}
