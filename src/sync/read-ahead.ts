/**
 * Pulls up to `depth` items ahead of the consumer, so that a slow producer (CRM reads) keeps working while
 * the consumer (writes, handoffs, checkpoints) handles the current item. Items still arrive in order. A
 * producer failure surfaces at the consumer's next pull, after the items read before it.
 */
export async function* readAhead<T>(source: AsyncIterable<T>, depth: number): AsyncGenerator<T> {
  if (depth <= 0) {
    yield* source;
    return;
  }
  const iterator = source[Symbol.asyncIterator]();
  const buffer: Promise<IteratorResult<T>>[] = [];
  let finished = false;
  const fill = () => {
    while (!finished && buffer.length < depth) {
      const next = iterator.next();
      next.then(
        (r) => {
          if (r.done) finished = true;
        },
        () => {
          finished = true;
        },
      );
      buffer.push(next);
    }
  };
  try {
    fill();
    while (buffer.length > 0) {
      const result = await buffer.shift()!;
      if (result.done) return;
      fill();
      yield result.value;
    }
  } finally {
    // The consumer stopped early (abort, error): let the producer clean up; pending reads are abandoned.
    for (const pending of buffer) pending.catch(() => {});
    if (!finished) await iterator.return?.(undefined);
  }
}
