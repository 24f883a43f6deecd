/**
 * Runs the HubSpot sandbox as its own process: `node dist/connectors/hubspot/sandbox/run-sandbox.js
 * [--contacts N] [--per-ten-seconds N] [--port N]`. Prints one JSON line {url, privateAppToken} when
 * it listens, stops on SIGTERM/SIGINT. Benchmarks use it so that the sandbox's memory is not counted
 * as leadscore's.
 */
import { parseArgs } from 'node:util';
import { startHubSpotSandbox } from './start-sandbox.js';

const { values } = parseArgs({
  options: {
    contacts: { type: 'string', default: '2000' },
    'per-ten-seconds': { type: 'string', default: '190' },
    daily: { type: 'string', default: '10000000' },
    port: { type: 'string', default: '0' },
  },
});
const sandbox = await startHubSpotSandbox({
  contacts: Number(values.contacts),
  port: Number(values.port),
  limits: { perTenSeconds: Number(values['per-ten-seconds']), daily: Number(values.daily) },
});
process.stdout.write(JSON.stringify({ url: sandbox.url, privateAppToken: sandbox.privateAppToken }) + '\n');
const stop = () => {
  void sandbox.stop().then(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
