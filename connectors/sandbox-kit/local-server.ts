import type { Server } from 'node:http';

/** Listens on 127.0.0.1 only (0 picks a free port); rejects on EADDRINUSE and the like. */
export function listenLocal(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Aborts pending injected latency, closes every connection and the listener; resolves when nothing is open. */
export function closeServer(server: Server, stopping: AbortController): Promise<void> {
  stopping.abort();
  return new Promise((resolve, reject) => {
    if (!server.listening) return resolve();
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
