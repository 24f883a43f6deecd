import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Gc = (options?: { type: 'major' | 'minor' }) => void;

/**
 * A collection of the young generation, run between timed sections so that the garbage the benchmark
 * itself makes (the generated leads of earlier chunks) is not collected inside them. Minor, not full: a full
 * collection would also free the hidden classes of those leads, which the next chunk's would then have to
 * build again, unlike in a process that keeps scoring. Without --expose-gc, the flag is set at run time and
 * gc taken from a new context, where V8 then defines it.
 */
export function garbageCollector(): () => void {
  let gc = (globalThis as { gc?: Gc }).gc;
  if (!gc) {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as Gc;
  }
  return () => gc({ type: 'minor' });
}
