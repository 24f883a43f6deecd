import { createServer, request } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What happens to one request: passed on, never passed on, or carried out with its answer thrown away. */
export type GateVerdict = 'forward' | 'drop' | 'lose-answer';

export interface GatedRequest {
  method: string;
  /** The path without the query string. */
  path: string;
  body: string;
}

export interface GateProxy {
  url: string;
  stop(): Promise<void>;
}

/**
 * An HTTP proxy in front of a sandbox that reads each request whole and asks `gate` what to do with it
 * (the gate may take its time, holding the request). A dropped request, or one whose answer is lost, ends
 * with the connection destroyed: the client cannot tell whether the CRM did the work.
 */
export async function startGateProxy(
  target: string,
  gate: (request: GatedRequest) => GateVerdict | Promise<GateVerdict>,
): Promise<GateProxy> {
  const upstream = new URL(target);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const method = req.method ?? 'GET';
      const path = req.url ?? '/';
      const body = Buffer.concat(chunks);
      const decided = Promise.resolve(
        gate({ method, path: new URL(path, target).pathname, body: body.toString('utf8') }),
      );
      decided.then(
        (verdict) => (verdict === 'drop' ? req.socket.destroy() : pass(req, res, body, verdict)),
        () => req.socket.destroy(),
      );
    });
  });

  function pass(req: IncomingMessage, res: ServerResponse, body: Buffer, verdict: GateVerdict): void {
    const forward = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          if (verdict === 'lose-answer' || res.destroyed) return void req.socket.destroy();
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(Buffer.concat(chunks));
        });
      },
    );
    forward.on('error', () => req.socket.destroy());
    forward.end(body);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
