import { createServer } from 'node:http';
import { closeServer, listenLocal } from '../../sandbox-kit/local-server.js';
import type { AddressInfo } from 'node:net';
import { ROUTES } from './api/routes.js';
import { TokenAuthority } from './auth/token-authority.js';
import { CallStats, type SandboxStats } from './call-stats.js';
import { CrmStore } from './data/crm-store.js';
import { PropertyRegistry } from './data/property-registry.js';
import type { SandboxStore } from './data/sandbox-store.js';
import { seedPortal } from './data/seed-portal.js';
import { FaultInjector } from './faults/fault-injector.js';
import type { FaultOptions } from './faults/fault-options.js';
import { handleRequest } from './http/request-pipeline.js';
import { RateLimiter } from './limits/rate-limiter.js';
import { SandboxError } from './sandbox-error.js';
import { resolveOptions, type SandboxOptions } from './sandbox-options.js';
import { readSnapshotFile, writeSnapshotFile } from './snapshot-file.js';

export interface HubSpotSandbox {
  /** http://127.0.0.1:PORT — use it as the SDK's `basePath`. */
  url: string;
  port: number;
  privateAppToken: string;
  oauth: { clientId: string; clientSecret: string; refreshToken: string };
  /** The portal's data, with helpers for tests (editContact, addEngagement, listTasks, listEnrollments...). */
  store: SandboxStore;
  /** A valid OAuth access token, as if refreshed through /oauth/v1/token (not counted in stats). */
  issueAccessToken(): string;
  stats(): SandboxStats;
  resetStats(): void;
  /** Replaces the fault configuration (and restarts its seeded sequence). */
  setFaults(faults: FaultOptions): void;
  /** Whether the portal came from `snapshotFile` rather than from the seed. */
  restored: boolean;
  /** Writes the portal to `snapshotFile` (atomically); a SandboxError when the sandbox was started without one. */
  save(): Promise<void>;
  /** Closes every connection and the listener; resolves when nothing is left open. */
  stop(): Promise<void>;
}

/** Starts a local server that answers like HubSpot's API for the subset leadscore uses. Binds 127.0.0.1 only. */
export async function startHubSpotSandbox(options: SandboxOptions = {}): Promise<HubSpotSandbox> {
  const config = resolveOptions(options);
  const snapshot = config.snapshotFile ? await readSnapshotFile(config.snapshotFile) : undefined;
  const store = snapshot
    ? CrmStore.fromSnapshot(snapshot, new PropertyRegistry(), config.now)
    : new CrmStore(new PropertyRegistry(), config.now);
  if (!snapshot) seedPortal(store, { contacts: config.contacts, seed: config.seed, now: config.now() });
  const tokens = new TokenAuthority(config.privateAppToken, config.oauth, config.now);
  const stats = new CallStats();
  const faults = new FaultInjector(config.seed, config.faults);
  const stopping = new AbortController();
  let url = '';

  const deps = {
    routes: ROUTES,
    store,
    tokens,
    limiter: new RateLimiter(config.limits, config.now),
    faults,
    stats,
    baseUrl: () => url,
    now: config.now,
    stopping: stopping.signal,
  };
  const server = createServer((req, res) => {
    handleRequest(req, res, deps).catch(() => res.destroy());
  });
  await listenLocal(server, config.port);
  const port = (server.address() as AddressInfo).port;
  url = `http://127.0.0.1:${port}`;

  return {
    url,
    port,
    privateAppToken: config.privateAppToken,
    oauth: {
      clientId: config.oauth.clientId,
      clientSecret: config.oauth.clientSecret,
      refreshToken: config.oauth.refreshToken,
    },
    store,
    issueAccessToken: () => tokens.issue().access_token,
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    setFaults: (next) => faults.set(next),
    restored: snapshot !== undefined,
    save: async () => {
      if (!config.snapshotFile)
        throw new SandboxError('SANDBOX_NO_SNAPSHOT_FILE', 'The sandbox was started without a snapshotFile');
      await writeSnapshotFile(config.snapshotFile, store.snapshot());
    },
    stop: () => closeServer(server, stopping),
  };
}
