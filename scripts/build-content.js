#!/usr/bin/env node
// Build step after tsc: (1) ajv standalone validators for every schema (no runtime schema compile),
// (2) a parsed snapshot of the shipped content (see src/runtime/builtin-snapshot.ts).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const require = createRequire(import.meta.url);
const { Ajv } = require('ajv');
const standaloneCode = require('ajv/dist/standalone').default;

const validators = join(root, 'dist', 'validators');
mkdirSync(validators, { recursive: true });
for (const file of readdirSync(join(root, 'criteria', 'schema')).filter((f) => f.endsWith('.schema.json'))) {
  const schema = JSON.parse(readFileSync(join(root, 'criteria', 'schema', file), 'utf8'));
  // The same options as src/yaml/schema.ts, plus code generation.
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true, code: { source: true } });
  writeFileSync(join(validators, file.replace('.schema.json', '.cjs')), standaloneCode(ajv, ajv.compile(schema)));
}

/**
 * What the parse cache (src/runtime/parse-cache.ts) keys entries by: a hash of the source and schemas
 * this build was made from, so a cache written by any other build is never used.
 */
function buildId() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(ts|json)$/.test(entry.name))
        hash.update(relative(root, path)).update('\0').update(readFileSync(path));
    }
  };
  for (const dir of ['src', join('criteria', 'schema')]) walk(join(root, dir));
  return hash.update(readFileSync(join(root, 'package.json'))).digest('hex');
}

const { readBuiltinCatalog, loadControlsDir } = await import('../dist/project/load.js');
const { readQuestionnaire } = await import('../dist/project/workspace.js');
const { shippedIndex, SNAPSHOT_FILES, SNAPSHOT_INDEX_FILE } = await import('../dist/runtime/builtin-snapshot.js');
const { builtinControlsDir } = await import('../dist/runtime/paths.js');

// A snapshot left by an earlier build must not serve this one: the content may be the same, the
// parser not. Without these files every shipped file below is parsed.
const legacy = join(root, 'dist', 'builtin-content.json'); // the one-file snapshot of earlier builds
for (const file of [...Object.values(SNAPSHOT_FILES), SNAPSHOT_INDEX_FILE, join(root, 'dist', 'build-id.txt'), legacy])
  rmSync(file, { force: true });

const loaded = loadControlsDir(builtinControlsDir, builtinControlsDir);
if (loaded.diagnostics.length > 0) {
  console.error(loaded.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`).join('\n'));
  throw new Error('The built-in control library has problems; fix them before building.');
}
const files = loaded.files.map((f) => relative(builtinControlsDir, f));
const snapshot = {
  catalog: readBuiltinCatalog(),
  questionnaire: readQuestionnaire(),
  library: { files, controls: loaded.controls },
};
for (const [part, file] of Object.entries(SNAPSHOT_FILES)) writeFileSync(file, JSON.stringify(snapshot[part]));
writeFileSync(SNAPSHOT_INDEX_FILE, JSON.stringify(shippedIndex(files)));
writeFileSync(join(root, 'dist', 'build-id.txt'), `${buildId()}\n`);
console.log(
  `build-content: ${readdirSync(validators).length} validators, snapshot of ${loaded.controls.length} controls`,
);

// (3) The built-in report templates, precompiled (see precompiledTemplates in src/report/handlebars.ts):
// one file per format holding only the partials that format's template reaches, so `report --format
// html` compiles no Markdown templates and the other way round.
const Handlebars = require('handlebars');
const { builtinSources, compileOptions, templatesHash } = await import('../dist/report/handlebars.js');

/** The partials `main` uses, directly or through other partials (`{{> name`). */
function reachablePartials(main, partials) {
  const byName = new Map(partials.map((p) => [p.name, p]));
  const found = new Set();
  const visit = (text) => {
    for (const [, name] of text.matchAll(/\{\{~?>\s*([\w-]+)/g)) {
      if (found.has(name) || !byName.has(name)) continue;
      found.add(name);
      visit(byName.get(name).text);
    }
  };
  visit(main.text);
  return partials.filter((p) => found.has(p.name));
}

rmSync(join(root, 'dist', 'templates.cjs'), { force: true }); // the two-format file of earlier builds
for (const format of ['md', 'html']) {
  const sources = builtinSources(format, root);
  const options = compileOptions(format);
  const partials = reachablePartials(sources.main, sources.partials).map(
    (p) => `${JSON.stringify(p.name)}: ${Handlebars.precompile(p.text, options)}`,
  );
  writeFileSync(
    join(root, 'dist', `templates-${format}.cjs`),
    '// Generated by scripts/build-content.js; do not edit.\n' +
      `module.exports = { hash: ${JSON.stringify(templatesHash(sources))}, main: ${Handlebars.precompile(sources.main.text, options)}, partials: { ${partials.join(', ')} } };\n`,
  );
}
console.log('build-content: precompiled md and html report templates');
