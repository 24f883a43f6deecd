import { describe, expect, it } from '@jest/globals';
import { idChecksum, normalizeSalesforceId } from '../../../connectors/salesforce/salesforce-id.js';
import {
  selectStatement,
  soqlIdList,
  soqlInChunks,
  soqlLikePattern,
  soqlString,
} from '../../../connectors/salesforce/soql.js';

describe('soqlString', () => {
  it('escapes single quotes', () => expect(soqlString("Bob's BBQ")).toBe("'Bob\\'s BBQ'"));
  it('escapes double quotes', () => expect(soqlString('say "hi"')).toBe('\'say \\"hi\\"\''));
  it('escapes backslashes before anything else', () => expect(soqlString("a\\'")).toBe("'a\\\\\\''"));
  it('escapes newline, carriage return, tab, backspace and form feed', () => {
    expect(soqlString('a\nb\rc\td\be\ff')).toBe("'a\\nb\\rc\\td\\be\\ff'");
  });
  it('escapes other control characters as \\uXXXX', () => {
    expect(soqlString('a\u0000b\u001fc\u007f')).toBe("'a\\u0000b\\u001fc\\u007f'");
  });
  it('keeps unicode text as it is', () => expect(soqlString('Zoë 東京 🚀')).toBe("'Zoë 東京 🚀'"));
  it('escapes a lone surrogate', () => expect(soqlString('a\ud800')).toBe("'a\\ud800'"));
  it('keeps an injection attempt in an email as one literal', () => {
    const email = "x@y.com' OR Name LIKE '%";
    expect(selectStatement({ fields: ['Id'], object: 'Lead', where: `Email = ${soqlString(email)}` })).toBe(
      "SELECT Id FROM Lead WHERE Email = 'x@y.com\\' OR Name LIKE \\'%'",
    );
  });
  it('leaves % and _ alone outside LIKE', () => expect(soqlString('50%_off')).toBe("'50%_off'"));
  it('rejects a string longer than 4,000 characters', () => {
    expect(soqlString('a'.repeat(4_000))).toHaveLength(4_002);
    expect(() => soqlString('a'.repeat(4_001))).toThrow(/at most 4000 characters/);
  });
});

describe('soqlLikePattern', () => {
  it('matches % and _ literally', () => expect(soqlLikePattern('50%_off')).toBe("'50\\%\\_off'"));
  it('adds wildcards only where asked', () => {
    expect(soqlLikePattern('Ter', 'prefix')).toBe("'Ter%'");
    expect(soqlLikePattern('Ter', 'suffix')).toBe("'%Ter'");
    expect(soqlLikePattern('Ter%', 'contains')).toBe("'%Ter\\%%'");
  });
  it('escapes quotes and backslashes too', () => expect(soqlLikePattern("O'\\")).toBe("'O\\'\\\\'"));
});

describe('Salesforce ids', () => {
  it.each([
    ['a01M00000062mPg', 'a01M00000062mPgIAI'],
    ['001M000000qfPyS', '001M000000qfPySIAU'],
    ['a0FE000000D6r3F', 'a0FE000000D6r3FMAR'],
    ['0F9E000000092w2', '0F9E000000092w2KAA'],
    ['aaaaaaaaaaaaaaa', 'aaaaaaaaaaaaaaaAAA'],
    ['AbCdEfGhIjKlMnO', 'AbCdEfGhIjKlMnOVKV'],
    ['aBcDEfgHIJKLMNO', 'aBcDEfgHIJKLMNO025'],
  ])('normalises %s to %s', (id15, id18) => {
    expect(idChecksum(id15)).toBe(id18.slice(15));
    expect(normalizeSalesforceId(id15)).toBe(id18);
  });
  it('keeps a correct 18-character id', () => {
    expect(normalizeSalesforceId('001M000000qfPySIAU')).toBe('001M000000qfPySIAU');
  });
  it('accepts a lower-case checksum', () => {
    expect(normalizeSalesforceId('001M000000qfPySiau')).toBe('001M000000qfPySIAU');
  });
  it('rejects a wrong checksum, naming the id', () => {
    expect(() => normalizeSalesforceId('001M000000qfPySIAA')).toThrow(
      '"001M000000qfPySIAA" is not a Salesforce id: its checksum IAA should be IAU for 001M000000qfPyS',
    );
  });
  it('rejects a lower-cased id whose case no longer matches its checksum', () => {
    expect(() => normalizeSalesforceId('001m000000qfpysIAU')).toThrow(/checksum/);
  });
  it.each(['001M000000qfPy', '001M000000qfPySIA', '001M000000qfPySIAUX', ''])('rejects length %#', (id) => {
    expect(() => normalizeSalesforceId(id)).toThrow(/expected 15 or 18 letters and digits/);
  });
  it('rejects injection text', () => {
    expect(() => soqlIdList(["001M000000qfPyS') OR (Id != '"])).toThrow(/is not a Salesforce id/);
  });
  it('has a code', () => {
    expect(() => normalizeSalesforceId('x')).toThrow(expect.objectContaining({ code: 'SOQL_INVALID' }));
  });
});

describe('soqlIdList', () => {
  it('quotes, normalises and deduplicates', () => {
    expect(soqlIdList(['001M000000qfPyS', '001M000000qfPySIAU', 'a01M00000062mPg'])).toBe(
      "('001M000000qfPySIAU','a01M00000062mPgIAI')",
    );
  });
  it('rejects an empty list', () => expect(() => soqlIdList([])).toThrow(/at least one id/));
});

describe('soqlInChunks', () => {
  const prefix = 'SELECT Id FROM Lead WHERE Id IN ';
  const literals = ["'a'", "'b'", "'c'"];
  // prefix + "('a','b','c')" = 32 + 13
  const whole = prefix.length + 13;

  it('keeps one statement exactly at the limit', () => {
    expect(soqlInChunks(prefix, literals, '', whole)).toEqual([`${prefix}('a','b','c')`]);
  });
  it('splits one character under it', () => {
    expect(soqlInChunks(prefix, literals, '', whole - 1)).toEqual([`${prefix}('a','b')`, `${prefix}('c')`]);
  });
  it('counts the suffix', () => {
    const statements = soqlInChunks(prefix, literals, ' LIMIT 10', whole + 9);
    expect(statements).toEqual([`${prefix}('a','b','c') LIMIT 10`]);
    expect(soqlInChunks(prefix, literals, ' LIMIT 10', whole + 8)).toHaveLength(2);
  });
  it('keeps every statement within the default 100,000 characters', () => {
    const ids = Array.from({ length: 6_000 }, (_, i) => `'${String(i).padStart(18, '0')}'`);
    const statements = soqlInChunks(prefix, ids);
    expect(statements.length).toBeGreaterThan(1);
    expect(Math.max(...statements.map((s) => s.length))).toBeLessThanOrEqual(100_000);
    expect(statements.join('').match(/'\d{18}'/g)).toHaveLength(6_000);
  });
  it('makes no statement from no values', () => expect(soqlInChunks(prefix, [])).toEqual([]));
  it('rejects a value that cannot fit even alone', () => {
    expect(() => soqlInChunks(prefix, ["'abcdef'"], '', prefix.length + 7)).toThrow(/does not fit/);
  });
});

describe('selectStatement', () => {
  it('builds every clause', () => {
    expect(
      selectStatement({
        fields: ['Id', 'Email', 'Account.Industry'],
        object: 'Lead',
        where: 'IsConverted = false',
        orderBy: ['LastModifiedDate', { field: 'Id', direction: 'DESC', nulls: 'LAST' }],
        limit: 200,
      }),
    ).toBe(
      'SELECT Id, Email, Account.Industry FROM Lead WHERE IsConverted = false ' +
        'ORDER BY LastModifiedDate, Id DESC NULLS LAST LIMIT 200',
    );
  });
  it('drops repeated fields, ignoring case', () => {
    expect(selectStatement({ fields: ['Id', 'Email', 'email'], object: 'Lead' })).toBe(
      'SELECT Id, Email FROM Lead',
    );
  });
  it('rejects a field that is no API name', () => {
    expect(() => selectStatement({ fields: ['Id, (SELECT Id FROM Tasks)'], object: 'Lead' })).toThrow(
      /expected a field API name/,
    );
  });
  it('rejects an object that is no API name', () => {
    expect(() => selectStatement({ fields: ['Id'], object: 'Lead WHERE' })).toThrow(/object API name/);
  });
  it('rejects a limit of 0', () => {
    expect(() => selectStatement({ fields: ['Id'], object: 'Lead', limit: 0 })).toThrow(/invalid SELECT/);
  });
});
