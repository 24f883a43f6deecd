import type { Writable } from 'node:stream';

/** Where a command writes: the process's streams in production, buffers in tests. */
export interface CliIo {
  stdout: Writable;
  stderr: Writable;
}

export function lineWriter(stream: Writable): (line: string) => void {
  return (line) => {
    stream.write(line + '\n');
  };
}
