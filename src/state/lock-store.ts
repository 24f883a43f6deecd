/** Who holds a lock: `id` is unique per process and run; pid and host are for the person reading the message. */
export interface LockOwner {
  id: string;
  pid: number;
  host: string;
}

export interface LockHolder {
  connector: string;
  owner: LockOwner;
  acquiredAt: Date;
  heartbeatAt: Date;
  expiresAt: Date;
  /** Its holder stopped heartbeating: the next acquire takes it over. */
  expired: boolean;
}

/**
 * One sync per connector at a time, across processes sharing the store. A lock is held until
 * heartbeatAt + ttl; from that instant on (inclusive) anyone may take it over.
 */
export interface LockStore {
  /** True when `owner` now holds the lock (free, expired, or its own already: then it is extended). */
  acquire(connector: string, owner: LockOwner, ttlMs: number): Promise<boolean>;
  /** Extends every lock `owner` still holds by its TTL; returns how many (0: the locks were lost). */
  heartbeat(owner: LockOwner): Promise<number>;
  /** Releases every lock `owner` still holds; returns how many. */
  release(owner: LockOwner): Promise<number>;
  /** The current holder, expired or not; undefined when the lock is free. */
  holder(connector: string): Promise<LockHolder | undefined>;
}
