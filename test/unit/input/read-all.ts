import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readLeads } from '../../../src/input/read-leads.js';
import type { InputProblem, LeadFileFormat } from '../../../src/input/read-leads.js';
import type { Lead } from '../../../src/model/lead.js';

export function fixture(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/input/${name}`, import.meta.url));
}

export interface ReadResult {
  leads: Lead[];
  problems: InputProblem[];
}

export async function readAll(file: string, format?: LeadFileFormat): Promise<ReadResult> {
  const problems: InputProblem[] = [];
  const leads: Lead[] = [];
  for await (const lead of readLeads(file, { format, onProblem: (problem) => problems.push(problem) })) {
    leads.push(lead);
  }
  return { leads, problems };
}

let dir: string | undefined;

/** Writes a file into a fresh temporary directory and returns its path. */
export function tempFile(name: string, content: string | Buffer): string {
  dir ??= mkdtempSync(join(tmpdir(), 'leadscore-input-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

let counter = 0;

/** Reads CSV text (lines joined with "\n") as if it were a file. */
export function readCsv(...lines: string[]): Promise<ReadResult> {
  return readAll(tempFile(`leads-${++counter}.csv`, lines.join('\n') + '\n'));
}

/** Reads JSONL built from objects (or raw lines, when given as strings). */
export function readJsonl(...lines: Array<string | object>): Promise<ReadResult> {
  const text = lines.map((line) => (typeof line === 'string' ? line : JSON.stringify(line))).join('\n');
  return readAll(tempFile(`leads-${++counter}.jsonl`, text + '\n'));
}
