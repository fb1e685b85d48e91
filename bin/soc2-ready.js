#!/usr/bin/env node
// The only place that touches process.exitCode: main() returns 0, 1, 2 or 130.
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
