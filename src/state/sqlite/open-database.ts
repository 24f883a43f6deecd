import Database from 'better-sqlite3';
import { StateOpenError } from '../state-errors.js';

/**
 * Opens (creating if need be) the state file. WAL lets readers and one writer work side by side; the busy
 * timeout makes a second process wait for the first one's write instead of failing with SQLITE_BUSY.
 */
export function openDatabase(file: string, busyTimeoutMs: number): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(file, { timeout: busyTimeoutMs });
  } catch (error) {
    throw new StateOpenError(file, (error as Error).message);
  }
  try {
    db.pragma('journal_mode = WAL');
    // FULL: a handoff's intent marker must survive a power cut, or a crash could hide a sent action.
    db.pragma('synchronous = FULL');
    // Reading the header is the first access, where a file that is not a database is found out.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    db.close();
    throw new StateOpenError(file, (error as Error).message);
  }
  return db;
}
