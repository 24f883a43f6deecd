/**
 * Maps the items of an async iterable with up to `concurrency` mappings in flight, yielding the results in
 * the source's order. The source is pulled only as far as the window needs, so memory stays bounded.
 */
export async function* orderedMap<T, R>(
  source: AsyncIterable<T>,
  map: (item: T) => Promise<R>,
  concurrency: number,
): AsyncGenerator<R> {
  const iterator = source[Symbol.asyncIterator]();
  const window: Promise<R>[] = [];
  let exhausted = false;
  const pull = async (): Promise<void> => {
    while (!exhausted && window.length < Math.max(1, concurrency)) {
      let next: IteratorResult<T>;
      try {
        next = await iterator.next();
      } catch (error) {
        // The source failed: the results before it are still delivered, then the failure.
        exhausted = true;
        const failed = Promise.reject(error as Error);
        failed.catch(() => {});
        window.push(failed);
        return;
      }
      if (next.done) {
        exhausted = true;
        return;
      }
      const mapped = map(next.value);
      // A mapping that fails while earlier results are awaited must not go unhandled; it rethrows below.
      mapped.catch(() => {});
      window.push(mapped);
    }
  };
  try {
    await pull();
    while (window.length > 0) {
      const result = await window.shift()!;
      yield result;
      await pull();
    }
  } finally {
    if (!exhausted) await iterator.return?.(undefined);
  }
}
