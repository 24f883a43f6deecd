#!/usr/bin/env node
import { EXIT } from '../util/errors.js';
import { CONNECTORS } from '../../connectors/registry.js';
import { limitHeapGrowth } from '../runtime/heap-growth.js';
import { runCli } from './run-cli.js';

limitHeapGrowth();

// `leadscore score … | head` closes stdout early: that is the reader's choice, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT.ok);
  throw error;
});

// The composition root: the only place in src/ that knows the vendor connectors.
process.exitCode = await runCli(
  process.argv.slice(2),
  { stdout: process.stdout, stderr: process.stderr },
  CONNECTORS,
);
