/** A writable that keeps what it is given, as text. */
export interface CaptureStream extends NodeJS.WritableStream {
  readonly text: () => string;
  readonly lines: () => string[];
}

export function captureStream(extra: Record<string, unknown> = {}): CaptureStream {
  const chunks: string[] = [];
  const stream = {
    ...extra,
    write(chunk: string | Uint8Array, ...rest: unknown[]): boolean {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const callback = rest.find((arg): arg is () => void => typeof arg === 'function');
      callback?.();
      return true;
    },
    text: () => chunks.join(''),
    lines: () => chunks.join('').split('\n').filter(Boolean),
  };
  return stream as unknown as CaptureStream;
}
