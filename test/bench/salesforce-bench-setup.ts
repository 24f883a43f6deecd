/** What the Salesforce benchmark sets up: the sandbox process, the deployment file, a sink for log lines. */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { SandboxStats } from '../../connectors/salesforce/sandbox/index.js';
import { spawnSandbox } from './sandbox-process.js';
import type { SpawnedSandbox } from './sandbox-process.js';

/** The flow the sandbox org has (connectors/salesforce/sandbox/data/sandbox-flows.ts). */
export const FLOW_NAME = 'LeadScore_MQL_Handoff';

/** The JSON line salesforce-sandbox-run.ts prints once it listens. */
export interface SalesforceSandboxInfo {
  url: string;
  clientId: string;
  clientSecret: string;
  daily: number;
}

/** The sandbox in its own process (salesforce-sandbox-run.ts), with an IPC channel for its call counts. */
export function startSalesforceSandboxProcess(options: {
  leads: number;
  contacts: number;
  daily: number;
}): Promise<SpawnedSandbox<SalesforceSandboxInfo>> {
  const { leads, contacts, daily } = options;
  return spawnSandbox<SalesforceSandboxInfo>(
    './salesforce-sandbox-run',
    ['--leads', String(leads), '--contacts', String(contacts), '--daily', String(daily)],
    { ipc: true },
  );
}

/** The org's count of requests since the previous question; undefined when the sandbox does not answer. */
export function sandboxStats(child: ChildProcess): Promise<SandboxStats | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), 5_000);
    child.once('message', (message: { stats?: SandboxStats }) => {
      clearTimeout(timer);
      resolve(message.stats);
    });
    child.send('stats');
  });
}

/**
 * The deployment a Salesforce customer would write (written as JSON, which is YAML): Leads only, the
 * handoff and sales feedback as config/sandbox.yaml has them, the flow only when asked for. Credentials
 * are not in it: they come from the environment.
 */
export function benchDeployment(options: { url: string; dir: string; model: string; flow: boolean }): object {
  const { url, dir, model, flow } = options;
  return {
    model,
    state: { file: join(dir, 'state.sqlite') },
    log: { level: 'warn' },
    connectors: {
      salesforce: {
        baseUrl: url,
        salesFeedback: {
          accepted: { leadStatus: ['Working - Contacted', 'Closed - Converted'] },
          rejected: { leadStatus: ['Closed - Not Converted'] },
        },
        settings: {
          loginUrl: url,
          objects: { lead: { enabled: true }, contact: { enabled: false } },
          handoff: {
            lead_status: {
              value: 'Open - Not Contacted',
              preserve: ['Working - Contacted', 'Closed - Converted', 'Closed - Not Converted'],
            },
            owner_task: { subject: 'MQL: {name} scored {score}', dueInDays: 1 },
            ...(flow ? { flow: { name: FLOW_NAME } } : {}),
          },
        },
      },
    },
  };
}

/** Log lines (warnings and errors: the deployment logs at `warn`), counted, the first few kept. */
export class LogSink extends Writable {
  count = 0;
  first: string[] = [];

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      this.count++;
      if (this.first.length < 5) this.first.push(line.slice(0, 400));
    }
    done();
  }

  restart(): void {
    this.count = 0;
    this.first = [];
  }
}
