import { SoqlError } from './soql-error.js';

const ID_15 = /^[A-Za-z0-9]{15}$/;
const ID_18 = /^[A-Za-z0-9]{18}$/;
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/**
 * The 3-character suffix that makes a 15-character (case-sensitive) id case-safe: for each 5-character chunk,
 * bit i is set when character i is an uppercase letter, and the 5-bit number picks from A–Z0–5.
 */
export function idChecksum(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const char = id15.charAt(chunk * 5 + i);
      if (char >= 'A' && char <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET.charAt(bits);
  }
  return suffix;
}

/**
 * A Salesforce record id as its 18-character form; throws a SoqlError naming the id unless it is 15 or 18
 * letters and digits with a correct suffix. The suffix is compared ignoring case, the first 15 characters
 * are not: a lower-cased id does not match its suffix and is rejected rather than silently re-cased.
 */
export function normalizeSalesforceId(id: string): string {
  const shown = JSON.stringify(id.length > 40 ? `${id.slice(0, 40)}…` : id);
  if (ID_15.test(id)) return id + idChecksum(id);
  if (!ID_18.test(id)) {
    throw new SoqlError(`${shown} is not a Salesforce id: expected 15 or 18 letters and digits`);
  }
  const expected = idChecksum(id.slice(0, 15));
  if (id.slice(15).toUpperCase() !== expected) {
    throw new SoqlError(
      `${shown} is not a Salesforce id: its checksum ${id.slice(15)} should be ${expected} for ${id.slice(0, 15)}`,
    );
  }
  return id.slice(0, 15) + expected;
}
