import type { Document, Node as YamlNode } from 'yaml';
import { vendor } from '../runtime/vendor.js';
import { parseSimpleYaml, UNKNOWN } from './simple.js';
import { error, type Diagnostic, type Position } from '../diagnostics.js';
import { excessiveNesting, MAX_NESTING } from '../yaml/nesting.js';

/** Files above this size are refused before parsing: a control file is a few hundred KB at most. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** yaml's own default; a higher count is a resource-exhaustion ("billion laughs") attempt. */
const MAX_ALIAS_COUNT = 100;

export type PathSegment = string | number;

// yaml costs ~35 ms to import; commands that never parse YAML (e.g. `check` on the built-in
// library, served from the build snapshot) must not pay for it, so it is required on first use.
const yaml = () => vendor<typeof import('yaml')>('yaml');

export interface YamlSource {
  file: string;
  /** The plain data, or undefined when the text could not be parsed. */
  data: unknown;
  diagnostics: Diagnostic[];
  /** Where the node at `path` starts; `key: true` gives the position of the mapping key instead. */
  locate(path: readonly PathSegment[], options?: { key?: boolean }): Position | undefined;
}

/** Decodes bytes as UTF-8, or returns a diagnostic for binary or non-UTF-8 content. */
export function decodeUtf8(bytes: Uint8Array, file: string): { text?: string; diagnostic?: Diagnostic } {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    const mb = (bytes.byteLength / 1024 / 1024).toFixed(1);
    return {
      diagnostic: error('file-too-large', `File is ${mb} MB; control and answer files are limited to 4 MB.`, {
        file,
        hint: 'Split it into several files.',
      }),
    };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text };
  } catch {
    return {
      diagnostic: error('encoding', 'File is not valid UTF-8 text.', {
        file,
        hint: 'Save it as UTF-8 (binary files do not belong in a controls folder).',
      }),
    };
  }
}

/**
 * Parses one YAML document safely: never throws, never prints, reports every problem with a position.
 * Documents in the fast subset (simple.ts: what answers files, configs and control files are written
 * in) are read without `yaml`, positions included; `yaml` reads the rest and reports every error.
 * `fast: false` forces `yaml` (tests compare the two).
 */
export function parseYamlSource(rawText: string, file: string, options: { fast?: boolean } = {}): YamlSource {
  // The fast reader reads at most MAX_DEPTH levels, far below what the nesting guard refuses, so
  // the guard only has to run before yaml (which recurses once per level).
  const simple = options.fast === false ? undefined : parseSimpleYaml(rawText);
  if (!simple) {
    const deep = excessiveNesting(rawText);
    return deep ? tooDeep(file, deep) : parseWithYaml(rawText, file);
  }
  let full: YamlSource | undefined;
  let lineStarts: number[] | undefined;
  return {
    file,
    data: simple.value,
    diagnostics: [],
    locate: (path, o) => {
      const offset = simple.offsetOf(path, o?.key ?? false);
      // An offset the fast reader does not model (an empty value after a comment): ask yaml.
      if (offset === UNKNOWN) return (full ??= parseWithYaml(rawText, file)).locate(path, o);
      return positionAt((lineStarts ??= startsOfLines(rawText)), offset);
    },
  };
}

function startsOfLines(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Line and column (both from 1) of an offset, as yaml's LineCounter.linePos gives them. */
function positionAt(lineStarts: number[], offset: number): Position {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - lineStarts[low]! + 1 };
}

function tooDeep(file: string, at: Position): YamlSource {
  const diagnostic = error(
    'yaml-syntax',
    `Nesting is deeper than ${MAX_NESTING} levels; these files need only a few.`,
    {
      file,
      ...at,
      hint: 'Flatten the structure: lists and mappings nest only a few levels in control, answers and config files.',
    },
  );
  return { file, data: undefined, diagnostics: [diagnostic], locate: () => at };
}

function parseWithYaml(rawText: string, file: string): YamlSource {
  const text = rawText.startsWith('\uFEFF') ? rawText.slice(1) : rawText;
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, logLevel: 'error' });
  // logLevel 'error' keeps errors in doc.errors but stops yaml printing warnings to stderr.
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const locate: YamlSource['locate'] = (path, options) => {
    const range = rangeOf(doc, path, options?.key ?? false);
    return range === undefined ? undefined : at(range);
  };
  const diagnostics = syntaxDiagnostics(text, doc, file, at);
  if (diagnostics.length > 0) return { file, data: undefined, diagnostics, locate };
  try {
    const data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    if (isCircular(data)) {
      // `&a` on a mapping that contains `*a` (e.g. a merge key `<<: *a`) makes the data contain itself.
      const diagnostic = error(
        'yaml-syntax',
        'An alias refers to a mapping or list that contains it, so the data would be infinite.',
        {
          file,
          ...firstAlias(doc, at),
          hint: 'Write the values out instead of referring back to an enclosing anchor.',
        },
      );
      return { file, data: undefined, diagnostics: [diagnostic], locate };
    }
    return { file, data, diagnostics, locate };
  } catch (cause) {
    // yaml throws ReferenceError (not YAMLParseError) for alias bombs and unresolved aliases.
    const message = cause instanceof Error ? cause.message : String(cause);
    const aliasBomb = /resource exhaustion/i.test(message);
    const diagnostic = aliasBomb
      ? error('yaml-syntax', 'Too many YAML aliases: the document expands beyond a safe size.', {
          file,
          line: 1,
          column: 1,
          hint: 'Write the values out instead of nesting aliases (*name).',
        })
      : (unresolvedAlias(doc, file, at) ??
        error('yaml-syntax', `YAML could not be resolved: ${message}.`, { file, line: 1, column: 1 }));
    return { file, data: undefined, diagnostics: [diagnostic], locate };
  }
}

/** Whether plain data contains itself (possible with YAML aliases to an enclosing node). */
function isCircular(value: unknown, ancestors: Set<object> = new Set()): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (ancestors.has(value)) return true;
  ancestors.add(value);
  const children = Array.isArray(value) ? value : Object.values(value);
  const found = children.some((child) => isCircular(child, ancestors));
  ancestors.delete(value);
  return found;
}

function firstAlias(doc: Document, at: (o: number) => Position): Position | undefined {
  const { isAlias, visit } = yaml();
  let found: Position | undefined;
  visit(doc, {
    Alias(_, node) {
      if (!isAlias(node) || node.range === undefined || node.range === null) return;
      found = at(node.range[0]);
      return visit.BREAK;
    },
  });
  return found;
}

/** The first alias (*name) with no anchor (&name) before it, as a positioned diagnostic. */
function unresolvedAlias(doc: Document, file: string, at: (o: number) => Position): Diagnostic | undefined {
  const { isAlias, visit } = yaml();
  let found: Diagnostic | undefined;
  visit(doc, {
    Alias(_, node) {
      if (found || !isAlias(node) || node.resolve(doc) !== undefined) return;
      found = error('yaml-syntax', `Alias "*${node.source}" refers to no anchor "&${node.source}" defined before it.`, {
        file,
        ...at(node.range?.[0] ?? 0),
        hint: 'Define the anchor first, or write the value out.',
      });
      return visit.BREAK;
    },
  });
  return found;
}

function syntaxDiagnostics(text: string, doc: Document, file: string, at: (o: number) => Position): Diagnostic[] {
  const problems = doc.errors.map((e) => {
    const pos = at(e.pos[0]);
    return error('yaml-syntax', yamlMessage(e.code, e.message), { file, ...pos, hint: yamlHint(e.code) });
  });
  if (problems.length === 0 && /\u0000/.test(text)) {
    problems.push(error('yaml-syntax', 'File contains NUL bytes; it looks like binary data, not YAML.', { file }));
  }
  return problems;
}

function yamlMessage(code: string, message: string): string {
  const firstLine = message
    .split('\n')[0]!
    .replace(/ at line \d+, column \d+:?$/, '')
    .trim();
  if (code === 'DUPLICATE_KEY') return 'Duplicate key in a mapping: each key may appear only once.';
  if (code === 'MULTIPLE_DOCS') return 'File holds more than one YAML document (---); one document per file.';
  // yaml may quote a whole scalar token (tens of KB on one line): keep the message to one readable line.
  const short = firstLine.length > 200 ? `${firstLine.slice(0, 199)}…` : firstLine;
  return short.endsWith('.') || short.endsWith('…') ? short : `${short}.`;
}

function yamlHint(code: string): string | undefined {
  if (code === 'DUPLICATE_KEY') return 'Remove or rename one of the keys.';
  if (code === 'MULTIPLE_DOCS') return 'Split the documents into separate files.';
  if (code === 'TAB_AS_INDENT') return 'Indent with spaces, not tabs.';
  return undefined;
}

/** Start offset of the node (or its key) at `path`, falling back to the deepest existing parent. */
function rangeOf(doc: Document, path: readonly PathSegment[], wantKey: boolean): number | undefined {
  const { isMap, isSeq, isPair, isScalar } = yaml();
  let node: unknown = doc.contents;
  let keyNode: unknown;
  for (const segment of path) {
    keyNode = undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      keyNode = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      node = node.items[segment];
    } else {
      break;
    }
  }
  const target = (wantKey && keyNode ? keyNode : node) as YamlNode | null | undefined;
  return target?.range?.[0] ?? (keyNode as YamlNode | undefined)?.range?.[0];
}
