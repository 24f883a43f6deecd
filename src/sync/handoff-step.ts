import type { CrmAdapter, HandoffRequest, Transition } from '../connector/crm-adapter.js';
import type { Logger } from '../ops/logger.js';
import type { HandoffLedger, LedgerEntry } from '../state/index.js';

export interface HandoffStepResult {
  /** Transitions every configured action of which has succeeded (now or before). */
  completed: Set<string>;
  /** Transitions with an action that failed or could not be confirmed, with the reasons. */
  incomplete: Map<string, string>;
  /** Actions sent in this step. */
  sent: number;
}

/**
 * Hands off a page's transitions exactly once per (transition key × action): the ledger drops what already
 * succeeded, records the intent before anything is sent and every outcome after. Actions a crashed attempt
 * left unconfirmed go to the adapter flagged as such, so it verifies them instead of repeating them.
 */
export async function handOff(
  adapter: CrmAdapter,
  ledger: HandoffLedger,
  transitions: readonly Transition[],
  /** Consumed: a key's entries are settled by this step and removed from the map. */
  unconfirmed: Map<string, readonly LedgerEntry[]>,
  logger: Logger,
): Promise<HandoffStepResult> {
  const configured = adapter.handoffActions;
  const completed = new Set<string>();
  const incomplete = new Map<string, string>();
  if (configured.length === 0) {
    for (const t of transitions) completed.add(t.key);
    return { completed, incomplete, sent: 0 };
  }
  const fresh: HandoffRequest[] = [];
  const requests: HandoffRequest[] = [];
  for (const transition of transitions) {
    const pending = await ledger.pendingActions(transition.key, configured);
    const leftOver = (unconfirmed.get(transition.key) ?? [])
      .map((entry) => entry.action)
      .filter((action) => configured.includes(action));
    unconfirmed.delete(transition.key);
    if (pending.length === 0 && leftOver.length === 0) {
      completed.add(transition.key);
      continue;
    }
    const actions = configured.filter((a) => pending.includes(a) || leftOver.includes(a));
    if (pending.length > 0) fresh.push({ transition, actions: pending });
    requests.push(leftOver.length ? { transition, actions, unconfirmed: leftOver } : { transition, actions });
  }
  if (requests.length === 0) return { completed, incomplete, sent: 0 };

  await ledger.beginMany(fresh);
  const results = await adapter.handoff(requests);
  // An uncertain outcome is not recorded: the action stays started-but-unconfirmed, to be verified next time.
  await ledger.recordResults(
    results.map((r) => ({ ...r, outcomes: r.outcomes.filter((o) => !o.uncertain) })),
  );
  let sent = 0;
  for (const result of results) {
    sent += result.outcomes.length;
    const failures = result.outcomes.filter((o) => !o.ok);
    if (failures.length === 0) completed.add(result.key);
    else {
      const reason = failures.map((f) => `${f.action}: ${f.detail}`).join('; ');
      incomplete.set(result.key, reason);
      logger.warn('handoff incomplete; retried on the next run', { transition: result.key, reason });
    }
  }
  return { completed, incomplete, sent };
}

/** The unconfirmed ledger entries of a connector, by transition key (read once per run, under its lock). */
export async function unconfirmedByKey(
  ledger: HandoffLedger,
  connector: string,
): Promise<Map<string, LedgerEntry[]>> {
  const byKey = new Map<string, LedgerEntry[]>();
  for (const entry of await ledger.startedButUnconfirmed(`${connector}:`)) {
    const list = byKey.get(entry.key) ?? [];
    list.push(entry);
    byKey.set(entry.key, list);
  }
  return byKey;
}
