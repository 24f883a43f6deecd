import { describe, expect, it } from '@jest/globals';
import { formatProblem } from '../../../src/input/read-leads.js';

describe('formatting an input problem', () => {
  it('names the file, line, record id and field', () =>
    expect(
      formatProblem({
        file: 'leads.csv',
        line: 17,
        recordId: '42',
        field: 'employees',
        code: 'invalid_number',
        message: 'expected a number or a range like "50-200", got "lots"; treated as missing',
      }),
    ).toBe(
      'leads.csv line 17 (id 42): employees: expected a number or a range like "50-200", got "lots"; treated as missing',
    ));

  it('leaves out the id of a record that has none', () =>
    expect(
      formatProblem({
        file: 'leads.csv',
        line: 4,
        field: 'id',
        code: 'missing_id',
        message: 'no id; scored as line-4',
      }),
    ).toBe('leads.csv line 4: id: no id; scored as line-4'));

  it('leaves out the field of a problem with the whole line', () =>
    expect(
      formatProblem({
        file: 'leads.jsonl',
        line: 3,
        field: '',
        code: 'invalid_json',
        message: 'not valid JSON; line skipped',
      }),
    ).toBe('leads.jsonl line 3: not valid JSON; line skipped'));
});
