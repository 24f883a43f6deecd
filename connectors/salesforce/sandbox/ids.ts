/**
 * Salesforce record ids: a 3-character key prefix, 12 base-62 characters, and for the 18-character form a
 * 3-character suffix that encodes which of the first 15 characters are upper case (bit j of chunk i set when
 * character 5i+j is A-Z, looked up in A-Z0-5), which is what makes the 18-character form case-insensitive.
 */
export const KEY_PREFIXES = {
  Lead: '00Q',
  Contact: '003',
  Account: '001',
  Opportunity: '006',
  OpportunityContactRole: '00K',
  Task: '00T',
  Event: '00U',
  Campaign: '701',
  CampaignMember: '00v',
  EmailMessage: '02s',
  EmailMessageRelation: '0Pg',
  User: '005',
  Organization: '00D',
  PermissionSet: '0PS',
  FieldPermissions: '01k',
  PermissionSetAssignment: '0Pa',
  CustomField: '00N',
  QueryLocator: '01g',
} as const;

const SUFFIX_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function checksumSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let flags = 0;
    for (let j = 0; j < 5; j++) {
      const c = id15.charAt(chunk * 5 + j);
      if (c >= 'A' && c <= 'Z') flags |= 1 << j;
    }
    suffix += SUFFIX_CHARS.charAt(flags);
  }
  return suffix;
}

export function to18(id15: string): string {
  return id15 + checksumSuffix(id15);
}

/** The n-th id with a key prefix, 18 characters: prefix + pod "5g" + "0" + n in base 62 over 9 characters. */
export function makeId(prefix: string, n: number): string {
  let digits = '';
  let rest = n;
  for (let i = 0; i < 9; i++) {
    digits = BASE62.charAt(rest % 62) + digits;
    rest = Math.floor(rest / 62);
  }
  return to18(`${prefix}5g0${digits}`);
}

/** 15 or 18 alphanumeric characters, and for 18 a suffix that matches the first 15. */
export function isWellFormedId(value: unknown): value is string {
  if (typeof value !== 'string' || !/^[0-9A-Za-z]{15}([0-9A-Za-z]{3})?$/.test(value)) return false;
  return value.length === 15 || checksumSuffix(value.slice(0, 15)) === value.slice(15).toUpperCase();
}

/** The 18-character form of a well-formed id. */
export function normalizeId(id: string): string {
  return id.length === 18 ? id.slice(0, 15) + id.slice(15).toUpperCase() : to18(id);
}
