/**
 * The Salesforce sandbox in its own process, for the benchmarks (like connectors/hubspot/sandbox/run-sandbox):
 * `tsx test/bench/salesforce-sandbox-run.ts [--leads N --contacts N --daily N --seed N]`. Prints one JSON
 * line {url, clientId, clientSecret, daily} once it listens. On an IPC channel it answers the message
 * 'stats' with sandbox.stats() (calls per route, as the org counted them) since the previous 'stats', so
 * that each run gets its own; stops on SIGTERM/SIGINT and when the parent goes away.
 */
import { parseArgs } from 'node:util';
import { startSalesforceSandbox } from '../../connectors/salesforce/sandbox/index.js';

const { values } = parseArgs({
  options: {
    leads: { type: 'string', default: '2000' },
    contacts: { type: 'string', default: '0' },
    daily: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '42' },
  },
});
const sandbox = await startSalesforceSandbox({
  leads: Number(values.leads),
  contacts: Number(values.contacts),
  seed: Number(values.seed),
  limits: { dailyApiRequests: Number(values.daily) },
});
process.stdout.write(
  JSON.stringify({
    url: sandbox.url,
    clientId: sandbox.oauth.clientId,
    clientSecret: sandbox.oauth.clientSecret,
    daily: sandbox.stats().apiUsage.daily,
  }) + '\n',
);
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void sandbox.stop().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('disconnect', stop);
process.on('message', (message) => {
  if (message !== 'stats') return;
  process.send?.({ stats: sandbox.stats() });
  sandbox.resetStats();
});
