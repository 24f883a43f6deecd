import { createServer } from 'node:http';
import { closeServer, listenLocal } from '../../sandbox-kit/local-server.js';
import type { AddressInfo } from 'node:net';
import { ROUTES } from './api/routes.js';
import { toPublicKey } from './auth/jwt.js';
import { IngestJobs, type BulkJobSummary } from './bulk/ingest-jobs.js';
import { TokenAuthority } from './auth/token-authority.js';
import { CallStats, type SandboxStats } from './call-stats.js';
import { OrgStore } from './data/org-store.js';
import { restoreOrg, SALESFORCE_SNAPSHOT, snapshotOf } from './data/org-snapshot.js';
import { seedOrg } from './data/seed-org.js';
import { readSnapshotFile, writeSnapshotFile } from '../../sandbox-kit/snapshot-file.js';
import { FaultInjector } from './faults/fault-injector.js';
import type { FaultOptions } from './faults/fault-options.js';
import { handleRequest } from './http/request-pipeline.js';
import { ApiUsage } from './limits/api-usage.js';
import { SandboxError } from './sandbox-error.js';
import { DEFAULT_JWT_AUDIENCES, resolveOptions, type SandboxOptions } from './sandbox-options.js';
import { QueryCursors } from './soql/query-cursors.js';

export interface SalesforceSandbox {
  /** http://127.0.0.1:PORT: the login host (token endpoint) and the instance at once. */
  url: string;
  /** Same as `url`: pass it as jsforce's `instanceUrl`. */
  instanceUrl: string;
  port: number;
  /** A valid session issued at start (not counted as an API call). */
  accessToken: string;
  oauth: {
    clientId: string;
    clientSecret: string;
    refreshToken: string;
    username: string;
    /** Password with the security token appended, for the password grant. */
    password: string;
    /** `${url}/services/oauth2/token` */
    tokenUrl: string;
  };
  /** The org's records, with helpers for tests (get, list, count, update, collectionUpdates). */
  store: OrgStore;
  /** Another valid session, as a grant would issue (not counted in stats). */
  issueAccessToken(): string;
  /** Ends a session, so that the next call with it gets 401 INVALID_SESSION_ID. */
  revokeAccessToken(token: string): void;
  /** Bulk API 2.0 ingest jobs received, oldest first. */
  bulkJobs(): BulkJobSummary[];
  stats(): SandboxStats;
  resetStats(): void;
  /** Replaces the fault configuration (and restarts its seeded sequence). */
  setFaults(faults: FaultOptions): void;
  /**
   * Ends every open query locator: the next `nextRecordsUrl` request gets 400 INVALID_QUERY_LOCATOR, as
   * after 15 idle minutes (which the org clock, `now`, also brings about).
   */
  expireQueryLocators(): void;
  /** Whether the org came from `snapshotFile` rather than from the seed. */
  restored: boolean;
  /** Writes the org to `snapshotFile` (atomically); a SandboxError when started without one. */
  save(): Promise<void>;
  /** Closes every connection and the listener; resolves when nothing is left open. */
  stop(): Promise<void>;
}

/** Starts a local server that answers like Salesforce's REST API for the subset leadscore uses. Binds 127.0.0.1 only. */
export async function startSalesforceSandbox(options: SandboxOptions = {}): Promise<SalesforceSandbox> {
  const config = resolveOptions(options);
  const jwtPublicKey = config.oauth.jwtPublicKey ? parseKey(config.oauth.jwtPublicKey) : undefined;
  const snapshot = config.snapshotFile
    ? await readSnapshotFile(config.snapshotFile, SALESFORCE_SNAPSHOT)
    : undefined;
  const store = snapshot ? restoreOrg(snapshot, config.now) : new OrgStore(config.now);
  if (!snapshot) {
    seedOrg(store, { leads: config.leads, contacts: config.contacts, seed: config.seed, now: config.now() });
  }
  let url = '';
  const tokens = new TokenAuthority(
    {
      ...config.oauth,
      jwtPublicKey,
      jwtAudiences: config.oauth.jwtAudiences ?? DEFAULT_JWT_AUDIENCES,
    },
    config.now,
    () => url,
  );
  const usage = new ApiUsage(config.dailyApiRequests, config.now);
  const stats = new CallStats();
  const faults = new FaultInjector(config.seed, config.faults);
  const stopping = new AbortController();
  const bulk = new IngestJobs(config.bulk);
  const cursors = new QueryCursors(config.now);
  const deps = { routes: ROUTES, store, tokens, usage, cursors, bulk, faults, stats };
  const server = createServer((req, res) => {
    handleRequest(req, res, { ...deps, now: config.now, stopping: stopping.signal }).catch(() =>
      res.destroy(),
    );
  });
  await listenLocal(server, config.port);
  const port = (server.address() as AddressInfo).port;
  url = `http://127.0.0.1:${port}`;

  return {
    url,
    instanceUrl: url,
    port,
    accessToken: tokens.issue().access_token,
    oauth: {
      clientId: config.oauth.clientId,
      clientSecret: config.oauth.clientSecret,
      refreshToken: config.oauth.refreshToken,
      username: config.oauth.username,
      password: config.oauth.password,
      tokenUrl: `${url}/services/oauth2/token`,
    },
    store,
    issueAccessToken: () => tokens.issue().access_token,
    revokeAccessToken: (token) => tokens.revoke(token),
    bulkJobs: () => bulk.summaries(),
    stats: () => stats.snapshot(usage.snapshot()),
    resetStats: () => stats.reset(),
    setFaults: (next) => faults.set(next),
    expireQueryLocators: () => cursors.expireAll(),
    restored: snapshot !== undefined,
    async save() {
      if (!config.snapshotFile) {
        throw new SandboxError(
          'SANDBOX_SNAPSHOT',
          'This sandbox was started without a snapshot file to save to',
        );
      }
      await writeSnapshotFile(config.snapshotFile, snapshotOf(store, config.now()));
    },
    stop: () => closeServer(server, stopping),
  };
}

function parseKey(pem: string) {
  try {
    return toPublicKey(pem);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new SandboxError('SANDBOX_OPTIONS', `Invalid sandbox options: oauth.jwtPublicKey: ${detail}`);
  }
}
