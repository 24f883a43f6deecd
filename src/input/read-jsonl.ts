import readline from 'node:readline';
import type { Readable } from 'node:stream';
import type { Lead } from '../model/lead.js';
import { InputError } from '../util/errors.js';
import type { InputProblemHandler } from './input-problem.js';
import { JsonlLeadReader } from './jsonl-record.js';

/** Streams the leads of a JSON Lines file, one line at a time; blank lines are ignored, a BOM is dropped. */
export async function* readJsonlLeads(
  file: string,
  input: Readable,
  onProblem: InputProblemHandler,
): AsyncGenerator<Lead> {
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  const reader = new JsonlLeadReader(file, onProblem);
  let lineNumber = 0;
  let seenContent = false;
  try {
    for await (const line of lines) {
      lineNumber++;
      const text = lineNumber === 1 ? line.replace(/^\uFEFF/, '') : line;
      if (text.trim() === '') continue;
      if (!seenContent && text.trimStart().startsWith('[')) {
        throw new InputError(
          `${file}: looks like a JSON array; leads must be JSON Lines, one lead object per line`,
        );
      }
      seenContent = true;
      const lead = reader.read(text, lineNumber);
      if (lead) yield lead;
    }
  } finally {
    lines.close();
    input.destroy();
  }
}
