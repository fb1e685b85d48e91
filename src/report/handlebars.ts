/**
 * Handlebars set-up for reports: an isolated instance, the built-in templates and partials, and any
 * overrides from --template-dir. Markdown is rendered without HTML escaping (cells are escaped by the
 * `cell` helper); HTML keeps Handlebars' escaping, and templates never use triple braces on data.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createHash } from 'node:crypto';
import { error } from '../diagnostics.js';
import { ContentError, UsageError } from '../errors.js';
import { displayPath, templatesDir } from '../runtime/paths.js';
import { requireBuilt, vendor } from '../runtime/vendor.js';
import { markdownCell, markdownText } from '../text/markdown.js';

type HandlebarsApi = typeof import('handlebars');
export type TemplateFormat = 'md' | 'html';

interface TemplateSource {
  name: string;
  path: string;
  text: string;
}

/** Builds the template sources of both formats, for the build-time precompile step. */
export function builtinSources(format: TemplateFormat, cwd: string) {
  return collectSources(format, undefined, cwd);
}

/** Compiles the report template of a format with its partials; user overrides win by file name. */
export function compileReport(
  format: TemplateFormat,
  templateDir: string | undefined,
  cwd: string,
): (view: object) => string {
  const sources = collectSources(format, templateDir, cwd);
  const prebuilt = templateDir === undefined ? precompiledTemplates(format, sources) : undefined;
  const template = prebuilt ?? compileSources(format, sources, cwd);
  return (view) => {
    try {
      return template(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
    } catch (cause) {
      const message = cause instanceof Error ? cause.message : String(cause);
      throw new ContentError(
        [
          error('template', `Template ${displayPath(sources.main.path, cwd)} failed: ${message.split('\n')[0]}`, {
            file: displayPath(sources.main.path, cwd),
          }),
        ],
        'The report template could not be rendered.',
      );
    }
  };
}

function compileSources(
  format: TemplateFormat,
  sources: ReturnType<typeof collectSources>,
  cwd: string,
): HandlebarsTemplateDelegate {
  const hb = vendor<HandlebarsApi>('handlebars').create();
  registerHelpers(hb);
  for (const partial of sources.partials) hb.registerPartial(partial.name, parse(hb, partial, cwd));
  return hb.compile(parse(hb, sources.main, cwd), compileOptions(format));
}

export const compileOptions = (format: TemplateFormat) => ({ noEscape: format === 'md', strict: false });

/** Hash of the template sources, so a precompiled set is only used while it matches them. */
export function templatesHash(sources: { main: TemplateSource; partials: TemplateSource[] }): string {
  const hash = createHash('sha256');
  for (const s of [sources.main, ...sources.partials]) hash.update(s.name).update('\0').update(s.text).update('\0');
  return hash.digest('hex');
}

interface PrecompiledSet {
  hash: string;
  main: object;
  partials: Record<string, object>;
}

/**
 * The built-in templates precompiled at build time (scripts/build-content.js): rendering then needs
 * only handlebars' runtime (~17 ms) instead of the compiler (~30 ms) plus compiling the templates.
 */
function precompiledTemplates(
  format: TemplateFormat,
  sources: ReturnType<typeof collectSources>,
): HandlebarsTemplateDelegate | undefined {
  const set = requireBuilt<PrecompiledSet>(`templates-${format}.cjs`);
  if (!set || set.hash !== templatesHash(sources)) return undefined;
  const runtime = vendor<HandlebarsApi>('handlebars/runtime').create();
  registerHelpers(runtime);
  for (const [name, spec] of Object.entries(set.partials))
    runtime.registerPartial(name, runtime.template(spec as TemplateSpecification));
  return runtime.template(set.main as TemplateSpecification);
}

function collectSources(format: TemplateFormat, templateDir: string | undefined, cwd: string) {
  const mainName = `report.${format}.hbs`;
  const builtinPartials = join(templatesDir, 'partials');
  const partials = new Map<string, string>();
  for (const file of listHbs(builtinPartials)) partials.set(basename(file, '.hbs'), file);
  let main = join(templatesDir, mainName);
  if (templateDir !== undefined) {
    if (!existsSync(templateDir))
      throw new UsageError(`Template folder "${displayPath(templateDir, cwd)}" does not exist.`);
    for (const file of [...listHbs(templateDir), ...listHbs(join(templateDir, 'partials'))]) {
      const name = basename(file, '.hbs');
      if (name === `report.${format}`) main = file;
      else if (!/^report\.[a-z]+$/.test(name)) partials.set(name, file);
    }
  }
  const read = (name: string, path: string): TemplateSource => ({ name, path, text: readFileSync(path, 'utf8') });
  return { main: read(mainName, main), partials: [...partials].map(([name, path]) => read(name, path)) };
}

function listHbs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.hbs'))
    .sort()
    .map((f) => join(dir, f));
}

/** Parses eagerly so a broken template is reported with its file and line, not at render time. */
function parse(hb: HandlebarsApi, source: TemplateSource, cwd: string): string {
  try {
    hb.parse(source.text);
    return source.text;
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    const line = Number(/line (\d+)/.exec(message)?.[1]) || undefined;
    const detail =
      message
        .split('\n')
        .filter((l) => /^Expecting|^Parse error/.test(l) === false && l.trim() !== '')
        .pop() ?? message;
    const file = displayPath(source.path, cwd);
    throw new ContentError(
      [
        error('template', `Template "${source.name}" has a syntax error: ${detail.trim()}`, {
          file,
          line,
          hint: 'Check the {{…}} tags near that line.',
        }),
      ],
      'The report template is not valid.',
    );
  }
}

// One Markdown escaping policy for every template and the step summary (src/text/markdown.ts).
export { markdownCell, markdownText };

function registerHelpers(hb: Pick<HandlebarsApi, 'registerHelper'>): void {
  hb.registerHelper('md', (value: unknown) => markdownText(value));
  hb.registerHelper('cell', (value: unknown) => markdownCell(value));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('inc', (n: number) => n + 1);
  // Handlebars' own {{log}} prints to stdout, mixing text into a report written there: silenced.
  hb.registerHelper('log', () => '');
}
