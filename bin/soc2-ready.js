#!/usr/bin/env node
// The only place that touches process.exitCode: main() returns 0, 1, 2 or 130.
import { main } from '../dist/cli.js';

// `soc2-ready report | head` closes the pipe early; that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

process.exitCode = await main(process.argv.slice(2));
