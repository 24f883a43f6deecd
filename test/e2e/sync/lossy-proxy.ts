import { createServer, request } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LossyProxy {
  url: string;
  /** Requests whose answer was thrown away, by `METHOD /path`. */
  lost: string[];
  stop(): Promise<void>;
}

/**
 * An HTTP proxy in front of a sandbox that passes every request on, and for the requests `loseAnswer`
 * picks lets the sandbox answer but then drops the connection: the CRM did the work, the client never
 * hears of it (a connection lost on the way back, as a gateway timeout or a reset can do).
 */
export async function startLossyProxy(
  target: string,
  loseAnswer: (method: string, path: string) => boolean,
): Promise<LossyProxy> {
  const upstream = new URL(target);
  const lost: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const forward = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method,
        path,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          if (loseAnswer(method, new URL(path, target).pathname)) {
            lost.push(`${method} ${new URL(path, target).pathname}`);
            req.socket.destroy();
            return;
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(Buffer.concat(chunks));
        });
      },
    );
    forward.on('error', () => req.socket.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    lost,
    stop: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
