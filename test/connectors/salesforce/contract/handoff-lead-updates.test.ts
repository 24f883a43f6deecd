import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import {
  COLLECTIONS,
  INSTANCE,
  LEAD_A,
  LEAD_B,
  OWNER,
  QUERY,
  RequestLog,
  guardNetwork,
  handoff,
  leadRow,
  outcomesOf,
  queryResult,
  readLeads,
  request,
} from './handoff-harness.js';

guardNetwork({ beforeAll, afterEach, afterAll });

const saved = (id: string) => ({ id, success: true, errors: [] });
const RULE = '01Q5g00000RuLeAEAV';
const NEW_OWNER = '0055g00000NeWoWAAV';

describe('lead status and assignment through sObject Collections updates', () => {
  it('writes Status with Sforce-Auto-Assign: FALSE; a record Salesforce refuses fails alone', async () => {
    const log = new RequestLog();
    const scope = readLeads(nock(INSTANCE), LEAD_A, LEAD_B)
      .patch(COLLECTIONS)
      .reply(
        log.reply(200, [
          saved(LEAD_A),
          {
            id: LEAD_B,
            success: false,
            errors: [
              {
                statusCode: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
                message: 'Lead Status: bad value for restricted picklist field: Working - Contacted',
                fields: ['Status'],
              },
            ],
          },
        ]),
      );

    const results = await handoff({ lead_status: {} }, [
      request(LEAD_A, ['lead_status']),
      request(LEAD_B, ['lead_status']),
    ]);
    scope.done();

    const [update] = log.to('PATCH', COLLECTIONS);
    expect(update?.headers['sforce-auto-assign']).toBe('FALSE');
    expect(update?.body).toEqual({
      allOrNone: false,
      records: [
        { attributes: { type: 'Lead' }, Id: LEAD_A, Status: 'Working - Contacted' },
        { attributes: { type: 'Lead' }, Id: LEAD_B, Status: 'Working - Contacted' },
      ],
    });
    expect(outcomesOf(results).map((o) => [o.ok, o.detail])).toEqual([
      [true, 'Status set to Working - Contacted (was Open - Not Contacted)'],
      [
        false,
        'not written: INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST: Lead Status: bad value for restricted picklist field: Working - Contacted (Status)',
      ],
    ]);
  });

  it('runs the configured assignment rule with its id as Sforce-Auto-Assign, then reads the owner it left', async () => {
    const log = new RequestLog();
    const scope = readLeads(nock(INSTANCE), LEAD_A)
      .patch(COLLECTIONS)
      .reply(log.reply(200, [saved(LEAD_A)]))
      .get(QUERY)
      .query(true)
      .reply(log.reply(200, queryResult('Lead', [{ ...leadRow(LEAD_A), OwnerId: NEW_OWNER }])));

    const [result] = await handoff({ assignment: { rule: RULE } }, [request(LEAD_A, ['assignment'])]);
    scope.done();

    const [update] = log.to('PATCH', COLLECTIONS);
    expect(update?.headers['sforce-auto-assign']).toBe(RULE);
    expect(update?.body.records).toEqual([{ attributes: { type: 'Lead' }, Id: LEAD_A }]);
    expect(result?.outcomes).toEqual([
      {
        action: 'assignment',
        ok: true,
        detail: `assignment rule ${RULE} ran: owner now ${NEW_OWNER} (was ${OWNER})`,
      },
    ]);
  });

  it('fails every lead of a call Salesforce refuses as a whole, with its words', async () => {
    const scope = readLeads(nock(INSTANCE), LEAD_A, LEAD_B)
      .patch(COLLECTIONS)
      .reply(403, [{ errorCode: 'REQUEST_LIMIT_EXCEEDED', message: 'TotalRequests Limit exceeded.' }]);

    const results = await handoff({ assignment: {} }, [
      request(LEAD_A, ['assignment']),
      request(LEAD_B, ['assignment']),
    ]);
    scope.done();

    expect(outcomesOf(results).map((o) => o.ok)).toEqual([false, false]);
    expect(outcomesOf(results)[0]?.detail).toMatch(
      /^the active lead assignment rule not run: .*REQUEST_LIMIT_EXCEEDED/,
    );
  });
});
