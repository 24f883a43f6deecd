import { describe, expect, it } from '@jest/globals';
import {
  MAX_TEXT_LENGTH,
  parseBoolean,
  parseEmail,
  parseStringList,
  parseText,
} from '../../../src/input/parse-values.js';

describe('reading text', () => {
  it('trims it', () => expect(parseText('  CTO \t')).toEqual({ ok: true, value: 'CTO' }));

  it.each([[''], ['null'], ['NULL'], ['none'], ['n/a'], ['N/A'], ['-'], [null]])(
    'treats %j as missing without a problem',
    (raw) => expect(parseText(raw)).toEqual({ ok: false }),
  );

  it('turns a number into text', () => expect(parseText(42)).toEqual({ ok: true, value: '42' }));

  it('truncates text longer than 255 characters and says so', () =>
    expect(parseText('x'.repeat(10_240))).toEqual({
      ok: true,
      value: 'x'.repeat(MAX_TEXT_LENGTH),
      note: { code: 'truncated', message: '10240 characters long; truncated to 255' },
    }));

  it('does not cut an emoji in half when truncating', () => {
    const result = parseText('😀'.repeat(300));
    expect(result.ok && Array.from(result.value)).toEqual(Array(MAX_TEXT_LENGTH).fill('😀'));
  });

  it('rejects an object', () =>
    expect(parseText({ a: 1 })).toEqual({
      ok: false,
      problem: { code: 'invalid_string', message: 'expected text, got {"a":1}' },
    }));
});

describe('reading an email address', () => {
  it('trims and lower-cases it', () =>
    expect(parseEmail(' Ann.Lee@Acme.COM ')).toEqual({ ok: true, value: 'ann.lee@acme.com' }));

  it('keeps an address without "@" but reports it', () =>
    expect(parseEmail('ann.lee')).toEqual({
      ok: true,
      value: 'ann.lee',
      note: { code: 'invalid_email', message: '"ann.lee" has no "@"; kept as is' },
    }));
});

describe('reading booleans', () => {
  it.each([['true'], ['TRUE'], ['yes'], ['Y'], ['1'], [true], [1]])('reads %j as true', (raw) =>
    expect(parseBoolean(raw)).toEqual({ ok: true, value: true }),
  );

  it.each([['false'], ['False'], ['no'], ['n'], ['0'], [false], [0]])('reads %j as false', (raw) =>
    expect(parseBoolean(raw)).toEqual({ ok: true, value: false }),
  );

  it('rejects "maybe"', () =>
    expect(parseBoolean('maybe')).toEqual({
      ok: false,
      problem: { code: 'invalid_boolean', message: 'expected true/false, yes/no, y/n or 1/0, got "maybe"' },
    }));
});

describe('reading techStack', () => {
  it('reads a JSON array of strings', () =>
    expect(parseStringList(['Salesforce', ' HubSpot '])).toEqual({
      ok: true,
      value: ['Salesforce', 'HubSpot'],
    }));

  it.each([['Salesforce;HubSpot'], ['Salesforce | HubSpot'], ['Salesforce, HubSpot']])(
    'splits "%s"',
    (text) => expect(parseStringList(text)).toEqual({ ok: true, value: ['Salesforce', 'HubSpot'] }),
  );

  it('reads text that holds a JSON array', () =>
    expect(parseStringList('["Salesforce","HubSpot"]')).toEqual({
      ok: true,
      value: ['Salesforce', 'HubSpot'],
    }));

  it('drops empty entries', () =>
    expect(parseStringList('Salesforce;; ;HubSpot;')).toEqual({
      ok: true,
      value: ['Salesforce', 'HubSpot'],
    }));

  it('treats a list with no entries as missing', () => expect(parseStringList(' ; ')).toEqual({ ok: false }));

  it('drops entries that are not text and says so', () =>
    expect(parseStringList(['Salesforce', { name: 'HubSpot' }])).toEqual({
      ok: true,
      value: ['Salesforce'],
      note: { code: 'invalid_list', message: 'dropped 1 entry that is not text' },
    }));
});
