#!/usr/bin/env node
// Build step after tsc and build-content: bundles the CLI with esbuild so start-up loads a few files
// instead of hundreds. Measured on this project: `yaml` loads in 5 ms bundled vs 26 ms as a package.
//  - dist/cli.cjs (+ dist/cli-*.cjs chunks): the CLI as CommonJS, every command a lazily required chunk;
//  - dist/vendor/*.cjs: the CommonJS dependencies loaded on demand (see src/runtime/vendor.ts);
//  - dist/validators/*.cjs: the ajv standalone validators, made self-contained.
// Everything stays in dist/ itself so paths derived from import.meta.url are the same as for tsc's output.
//
// Why CommonJS: Node's ESM loader (async resolve, read and link of every module, plus its own code to
// compile) costs more at start-up than the whole CLI entry; the CommonJS loader is already warm in
// Node's snapshot. Measured against the ESM chunks: 0.92-0.93× CPU on --help, check and report.
// esbuild splits code only for ESM output, so the CLI is split as ESM first, then every chunk is
// rewritten as CommonJS on its own (`import()` of a chunk becomes a lazy `require`). One unsplit
// CommonJS file was measured too: no gain on --help (V8 must pre-parse 460 KB it mostly never runs).
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const dist = join(root, 'dist');
const common = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning', legalComments: 'none' };
// Less to parse at start-up; identifiers are kept so internal-error stack traces stay readable.
const minify = { minifyWhitespace: true, minifySyntax: true };
const isCliChunk = (file) => /^cli(-[A-Z0-9]+)?\.c?js$/.test(file);

for (const file of readdirSync(dist).filter(isCliChunk)) rmSync(join(dist, file));

const split = await build({
  ...common,
  ...minify,
  entryPoints: { cli: join(root, 'src', 'cli', 'main.ts') },
  outdir: dist,
  format: 'esm',
  splitting: true,
  chunkNames: 'cli-[hash]',
  outExtension: { '.js': '.cjs' },
  // CommonJS has no import.meta; each chunk computes its own URL from __filename (banner below).
  define: { 'import.meta.url': '__soc2ImportMetaUrl' },
  metafile: true,
});
await build({
  ...minify,
  entryPoints: Object.keys(split.metafile.outputs),
  outdir: dist,
  outExtension: { '.js': '.cjs' },
  allowOverwrite: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  // `import('./cli-X.cjs')` becomes `Promise.resolve().then(() => require('./cli-X.cjs'))`: still lazy.
  supported: { 'dynamic-import': false },
  // 'use strict' first, as in the ESM it came from (a directive after the banner would not count).
  banner: { js: "'use strict'; const __soc2ImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});

const vendors = { yaml: 'yaml', handlebars: 'handlebars', 'handlebars-runtime': 'handlebars/runtime', ajv: 'ajv' };
for (const [name, module] of Object.entries(vendors)) {
  await build({
    ...common,
    minify: true,
    stdin: { contents: `module.exports = require(${JSON.stringify(module)});`, resolveDir: root },
    format: 'cjs',
    outfile: join(dist, 'vendor', `${name}.cjs`),
  });
}

const validators = join(dist, 'validators');
for (const file of readdirSync(validators).filter((f) => f.endsWith('.cjs'))) {
  await build({
    ...common,
    entryPoints: [join(validators, file)],
    format: 'cjs',
    outfile: join(validators, file),
    allowOverwrite: true,
  });
}
console.log('bundle: dist/cli.cjs with lazy chunks, 4 vendor bundles, self-contained validators');
