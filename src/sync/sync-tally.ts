import type { HandoffAction, ScoreValues } from '../connector/crm-adapter.js';
import { GRADES, STATUSES } from '../model/lead.js';
import type { Grade, Status } from '../model/lead.js';
import type { RunCounts } from '../state/index.js';
import type { LeadPlan } from './plan-page.js';
import type { PlannedHandoff, PlannedWrite, SyncProgress } from './sync-types.js';

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** A run's running counts and distributions; constant memory apart from a dry run's bounded samples. */
export class SyncTally {
  readonly counts: RunCounts = { read: 0, scored: 0, written: 0, unchanged: 0, failed: 0, handedOff: 0 };
  readonly grades: Record<Grade, number> = zeros(GRADES);
  readonly statuses: Record<Status, number> = zeros(STATUSES);
  readonly plannedWrites: PlannedWrite[] = [];
  readonly plannedHandoffs: PlannedHandoff[] = [];
  pages = 0;

  constructor(private readonly sampleSize: number) {}

  read(n: number): void {
    this.counts.read += n;
    this.pages++;
  }

  scored(values: ScoreValues): void {
    this.counts.scored++;
    this.grades[values.grade]++;
    this.statuses[values.status]++;
  }

  /** Transitions whose handoff completed (counted when it ran, before the page's write). */
  handedOff(n: number): void {
    this.counts.handedOff += n;
  }

  committed(counts: Pick<RunCounts, 'written' | 'unchanged' | 'failed'>): void {
    this.counts.written += counts.written;
    this.counts.unchanged += counts.unchanged;
    this.counts.failed += counts.failed;
  }

  /** A dry run counts what would be written and handed off (the actions the ledger has not seen succeed). */
  dryRun(plans: readonly LeadPlan[], pending: ReadonlyMap<string, readonly HandoffAction[]>): void {
    for (const plan of plans) {
      this.scored(plan.values);
      const { lead, values } = plan;
      if (plan.changed) {
        this.counts.written++;
        if (this.plannedWrites.length < this.sampleSize) {
          this.plannedWrites.push({
            recordId: lead.ref.id,
            email: lead.email,
            before: { score: lead.current?.score, grade: lead.current?.grade, status: lead.current?.status },
            after: { score: values.score, grade: values.grade, status: values.status },
          });
        }
      } else this.counts.unchanged++;
      const actions = plan.transition ? (pending.get(plan.transition.key) ?? []) : [];
      if (plan.transition && actions.length > 0) {
        this.counts.handedOff++;
        if (this.plannedHandoffs.length < this.sampleSize) {
          this.plannedHandoffs.push({
            recordId: lead.ref.id,
            email: lead.email,
            key: plan.transition.key,
            actions: [...actions],
          });
        }
      }
    }
  }

  progress(): SyncProgress {
    return { ...this.counts, pages: this.pages };
  }
}
