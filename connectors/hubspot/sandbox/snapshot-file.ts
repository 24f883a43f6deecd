import { readSnapshotFile as readKind } from '../../sandbox-kit/snapshot-file.js';
import { sandboxSnapshotSchema, type SandboxSnapshot } from './data/store-snapshot.js';

export { writeSnapshotFile } from '../../sandbox-kit/snapshot-file.js';

const HUBSPOT_SNAPSHOT = {
  schema: sandboxSnapshotSchema,
  description: 'a HubSpot sandbox snapshot (version 1)',
  fresh: 'portal',
};

/** The portal saved in `file`, or undefined when there is none yet; anything else there is an error. */
export function readSnapshotFile(file: string): Promise<SandboxSnapshot | undefined> {
  return readKind(file, HUBSPOT_SNAPSHOT);
}
