/** Per record, the moments that start a new MQL handoff episode: sales' rejection, a demotion from mql. */
export interface LeadMark {
  recordId: string;
  /** When leadscore first saw sales' rejection; cleared once sales no longer rejects the lead. */
  rejectedAt?: Date;
  /** When the current handoff episode began; absent for a lead still in its first. */
  episodeStart?: Date;
  updatedAt: Date;
}

/** For each field, undefined leaves it unchanged; null clears it. */
export interface LeadMarkUpdate {
  recordId: string;
  rejectedAt?: Date | null;
  episodeStart?: Date;
}

export interface LeadMarkStore {
  /** The marks of those records that have one, by record id; any number of ids. */
  get(connector: string, recordIds: readonly string[]): Promise<Map<string, LeadMark>>;
  /** Upserts a page of updates in one transaction (all or none), in their order. */
  apply(connector: string, updates: readonly LeadMarkUpdate[]): Promise<void>;
}
