#!/usr/bin/env node
// The only place that touches process.exitCode: main() returns 0, 1, 2 or 130.
// CommonJS, like the bundle it loads (dist/cli.cjs): Node then starts without its ESM loader.
'use strict';
const { main } = require('../dist/cli.cjs');

// `soc2-ready report | head` closes the pipe early; that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
