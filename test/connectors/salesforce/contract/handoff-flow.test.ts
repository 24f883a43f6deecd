import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import {
  DATA,
  INSTANCE,
  LEAD_A,
  LEAD_B,
  REASONS,
  RequestLog,
  guardNetwork,
  handoff,
  outcomesOf,
  readLeads,
  request,
} from './handoff-harness.js';

guardNetwork({ beforeAll, afterEach, afterAll });

const FLOW = 'LeadScore_MQL_Handoff';
const INVOKE = `${DATA}/actions/custom/flow/${FLOW}`;
const config = { flow: { name: FLOW } };
const dropped = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
const finished = {
  actionName: FLOW,
  errors: null,
  isSuccess: true,
  outputValues: { Flow__InterviewStatus: 'Finished' },
};

describe('flow actions: POST /actions/custom/flow/{name}', () => {
  it('invokes the flow once per transition with the mapped inputs and reports the interview', async () => {
    const log = new RequestLog();
    const scope = readLeads(nock(INSTANCE), LEAD_A)
      .post(INVOKE)
      .reply(log.reply(200, [finished]));

    const [result] = await handoff(config, [request(LEAD_A, ['flow'])]);
    scope.done();

    expect(log.to('POST', INVOKE).map((s) => s.body)).toEqual([
      { inputs: [{ recordId: LEAD_A, score: 87, grade: 'A', reasons: REASONS }] },
    ]);
    expect(result?.outcomes).toEqual([
      { action: 'flow', ok: true, detail: `flow ${FLOW} ran (interview Finished)` },
    ]);
  });

  it('fails with the action result’s errors when Salesforce answers 400 with isSuccess false', async () => {
    const failed = {
      actionName: FLOW,
      errors: [
        {
          statusCode: 'REQUIRED_FIELD_MISSING',
          message: 'Missing required input parameter: ownerId',
          fields: [],
        },
      ],
      isSuccess: false,
      outputValues: null,
    };
    const scope = readLeads(nock(INSTANCE), LEAD_A).post(INVOKE).reply(400, [failed]);

    const [result] = await handoff(config, [request(LEAD_A, ['flow'])]);
    scope.done();

    expect(result?.outcomes).toEqual([
      {
        action: 'flow',
        ok: false,
        detail: `flow ${FLOW} failed: REQUIRED_FIELD_MISSING: Missing required input parameter: ownerId`,
      },
    ]);
  });

  it('reads a 200 whose result says isSuccess false the same way', async () => {
    const scope = readLeads(nock(INSTANCE), LEAD_A)
      .post(INVOKE)
      .reply(200, [
        {
          actionName: FLOW,
          errors: [
            { statusCode: 'UNKNOWN_EXCEPTION', message: 'An unhandled fault has occurred in this flow' },
          ],
          isSuccess: false,
          outputValues: null,
        },
      ]);

    const [result] = await handoff(config, [request(LEAD_A, ['flow'])]);
    scope.done();

    expect(result?.outcomes[0]).toMatchObject({
      ok: false,
      detail: `flow ${FLOW} failed: UNKNOWN_EXCEPTION: An unhandled fault has occurred in this flow`,
    });
  });

  it('a lost answer is uncertain and is not sent again (a flow may not be idempotent)', async () => {
    const scope = readLeads(nock(INSTANCE), LEAD_A).post(INVOKE).replyWithError(dropped());

    const [result] = await handoff(config, [request(LEAD_A, ['flow'])]);
    scope.done();

    expect(result?.outcomes).toEqual([
      {
        action: 'flow',
        ok: false,
        uncertain: true,
        detail: `flow ${FLOW} may have run: no answer from Salesforce (ECONNRESET)`,
      },
    ]);
  });

  it('a 503 is uncertain too, and not retried by the scheduler', async () => {
    const scope = readLeads(nock(INSTANCE), LEAD_A)
      .post(INVOKE)
      .reply(503, [{ errorCode: 'SERVER_UNAVAILABLE', message: 'Server temporarily unavailable' }]);

    const [result] = await handoff(config, [request(LEAD_A, ['flow'])]);
    scope.done();

    expect(result?.outcomes[0]).toMatchObject({ ok: false, uncertain: true });
  });

  it('an invocation an earlier attempt may have made is not repeated; other transitions’ are made', async () => {
    const log = new RequestLog();
    const scope = readLeads(nock(INSTANCE), LEAD_A, LEAD_B)
      .post(INVOKE)
      .reply(log.reply(200, [finished]));

    const results = await handoff(config, [request(LEAD_A, ['flow'], ['flow']), request(LEAD_B, ['flow'])]);
    scope.done();

    expect(log.to('POST', INVOKE).map((s) => s.body.inputs[0].recordId)).toEqual([LEAD_B]);
    expect(outcomesOf(results).map((o) => o.ok)).toEqual([false, true]);
    expect(outcomesOf(results)[0]?.detail).toMatch(
      /^flow LeadScore_MQL_Handoff not run again: an earlier attempt may have run it/,
    );
  });
});
