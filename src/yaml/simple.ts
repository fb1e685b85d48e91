/**
 * A fast reader for the block-YAML subset that answers files, configs and control files are written
 * in: nested mappings, sequences (of scalars or of mappings), plain, quoted and simple folded/literal
 * (`>`, `>-`, `|`, `|-`) scalars, one-line flow collections (`[a, b]`, `{ k: v }`) and comments.
 * It records where every key and value starts, so diagnostics keep their exact line and column.
 *
 * Why: the `yaml` package costs ~30 ms of cold start-up plus ~100 µs per control, most of the time
 * of `check` on a real inventory. Anything outside the subset (anchors, tags, multi-line plain or
 * flow scalars, blank lines inside block scalars, duplicate keys, tabs, CR) returns undefined and the
 * caller uses `yaml`, which also produces every positioned error. Property tests check that whenever
 * this returns a value, that value and every position deep-equal what `yaml` gives.
 */
import {
  Unsupported,
  bail,
  blockScalarHeader,
  closingQuote,
  doubleQuoted,
  flowNode,
  hasKey,
  inlineScalar,
  MAX_DEPTH,
  resolvePlain,
  type OffsetTable,
} from './simple-scalars.js';
import type { PathSegment } from './source.js';

export interface Line {
  indent: number;
  /** The line without its indentation and trailing spaces; '' for a blank line. */
  text: string;
  /** Offset of `text` in the source. */
  start: number;
  /** Whether the raw line had trailing spaces (they matter inside block scalars). */
  trailing: boolean;
}

/** Offset of a value yaml would place somewhere we do not model (an empty value after a comment). */
export const UNKNOWN = -1;

export interface SimpleYaml {
  value: unknown;
  /** Offset where the node at `path` (or its key) starts, as yaml's `range[0]`, or UNKNOWN. */
  offsetOf(path: readonly PathSegment[], key: boolean): number;
}

export function parseSimpleYaml(source: string): SimpleYaml | undefined {
  // Tabs, CR, BOM and characters YAML treats specially (NEL, line separators, C0 controls): leave to yaml.
  if (/[\t\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u0085\u2028\u2029\ufeff]/.test(source)) return undefined;
  const lines = splitLines(source);
  if (!lines) return undefined;
  try {
    const reader = new Reader(lines);
    const first = reader.peek();
    if (!first) return undefined;
    const rootAt = first.start; // read first: a `- key:` line is rewritten in place as it is read
    const value = reader.block(first.indent);
    if (reader.peek()) return undefined;
    return { value, offsetOf: (path, key) => offsetOf(value, rootAt, reader.offsets, path, key) };
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

/**
 * The source's lines, indentation and trailing spaces measured. Only U+0020 counts as a space: YAML
 * indents with spaces alone, and other blanks (e.g. a no-break space) are content to it.
 */
function splitLines(source: string): Line[] | undefined {
  const lines: Line[] = [];
  for (let start = 0; start <= source.length;) {
    const newline = source.indexOf('\n', start);
    const end = newline === -1 ? source.length : newline;
    let from = start;
    while (from < end && source.charCodeAt(from) === SPACE) from++;
    let to = end;
    while (to > from && source.charCodeAt(to - 1) === SPACE) to--;
    const text = source.slice(from, to);
    if (text.startsWith('---') || text.startsWith('...') || text[0] === '%') return undefined;
    lines.push({ indent: from - start, text, start: from, trailing: to !== end });
    start = end + 1;
  }
  return lines;
}

const SPACE = 32;

class Reader {
  i = 0;
  /** Where each key and value of every mapping and sequence starts (offsets into the source). */
  readonly offsets: OffsetTable = new Map();
  /** Block collections open around the line being read (see MAX_DEPTH). */
  depth = 0;
  constructor(private readonly lines: Line[]) {}

  /** The next line with content (blank and comment lines skipped). */
  peek(): Line | undefined {
    while (this.i < this.lines.length && (this.lines[this.i]!.text === '' || this.lines[this.i]!.text[0] === '#'))
      this.i++;
    return this.lines[this.i];
  }

  block(indent: number): unknown {
    if (++this.depth > MAX_DEPTH) bail();
    const value = isItem(this.peek()!.text) ? this.sequence(indent) : this.mapping(indent);
    this.depth--;
    return value;
  }

  sequence(indent: number): unknown[] {
    const items: unknown[] = [];
    const at: number[] = [];
    this.offsets.set(items, at);
    // A sequence that is the value of `key:` at the key's own indent ends at the next key.
    for (let line = this.peek(); line && line.indent === indent && isItem(line.text); line = this.peek()) {
      if (line.text === '-') bail();
      let k = 1;
      while (line.text[k] === ' ') k++;
      const rest = line.text.slice(k);
      if (rest[0] === '#') bail(); // `- # comment`: the item starts on a later line
      at.push(line.start + k);
      if (startsMapping(rest)) {
        // `- key: value`: the mapping continues on the following lines at the column of `key`.
        line.indent = indent + k;
        line.text = rest;
        line.start += k;
        items.push(this.mapping(indent + k));
      } else {
        items.push(this.inline(rest, line.start + k, indent));
      }
    }
    if ((this.peek()?.indent ?? -1) > indent) bail();
    return items;
  }

  mapping(indent: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    const keys: string[] = [];
    const at: number[] = []; // key and value offset of each key in turn
    this.offsets.set(map, { keys, at });
    for (let line = this.peek(); line && line.indent === indent; line = this.peek()) {
      const { key, colon } = splitKey(line.text);
      if (hasKey(map, key)) bail();
      keys.push(key);
      at.push(line.start);
      let v = colon + 1;
      while (line.text[v] === ' ') v++;
      const rest = line.text.slice(v);
      if (rest !== '' && rest[0] !== '#') {
        at.push(line.start + v);
        map[key] = this.inline(rest, line.start + v, indent);
        continue;
      }
      this.i++;
      const next = this.peek();
      // `key:` followed by a deeper block, or by a sequence at the same indent (yaml allows both).
      if (next && (next.indent > indent || (next.indent === indent && isItem(next.text)))) {
        at.push(next.start);
        map[key] = this.block(next.indent);
      } else {
        at.push(rest === '' && !line.trailing ? line.start + colon + 1 : UNKNOWN);
        map[key] = null;
      }
    }
    if ((this.peek()?.indent ?? -1) > indent) bail();
    return map;
  }

  /** A value that starts on the current line (at `start`); consumes the line (and a block scalar's lines). */
  inline(text: string, start: number, parentIndent: number): unknown {
    this.i++;
    const header = blockScalarHeader(text);
    if (header) return this.blockScalar(header, parentIndent);
    if (text[0] === '[' || text[0] === '{') {
      const node = flowNode(text, 0, start, this.offsets, this.depth);
      if (!/^(?: +#.*)?$/.test(text.slice(node.end))) bail();
      return node.value;
    }
    return inlineScalar(text);
  }

  /** The lines of a `>`/`|` scalar: one indentation, no blank line inside, no trailing spaces. */
  blockScalar(header: { folded: boolean; strip: boolean }, parentIndent: number): string {
    const first = this.lines[this.i];
    if (!first || first.text === '' || first.indent <= parentIndent) bail();
    const parts: string[] = [];
    let line = first;
    for (; this.i < this.lines.length; line = this.lines[++this.i]!) {
      if (line.text === '' || line.indent < first.indent) break;
      if (line.indent !== first.indent || line.trailing) bail();
      parts.push(line.text);
    }
    let j = this.i;
    while (j < this.lines.length && this.lines[j]!.text === '') {
      if (this.lines[j]!.indent > 0) bail(); // a line of spaces may be content
      j++;
    }
    if (j < this.lines.length && this.lines[j]!.indent >= first.indent) bail();
    return parts.join(header.folded ? ' ' : '\n') + (header.strip ? '' : '\n');
  }
}

function isItem(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

/** Whether a sequence item's text is a `key: value` mapping rather than a scalar. */
function startsMapping(text: string): boolean {
  if (text[0] === '"') return text[closingQuote(text) + 1] === ':';
  if ("'[{|>".includes(text[0]!)) return false;
  const comment = text.indexOf(' #');
  return keyColon(text, comment === -1 ? text.length : comment) !== -1;
}

/**
 * Index of the first `:` followed by a space or the end (at `end`), or -1: what `/:( |$)/` finds,
 * without a regular expression (this runs for every line; in a cold process a regex call costs more
 * than the scan).
 */
function keyColon(text: string, end = text.length): number {
  for (let i = text.indexOf(':'); i !== -1 && i < end; i = text.indexOf(':', i + 1)) {
    if (i + 1 === end || text[i + 1] === ' ') return i;
  }
  return -1;
}

/** Plain keys already accepted: a file repeats a handful of keys thousands of times. */
const plainKeys = new Set<string>();

function splitKey(text: string): { key: string; colon: number } {
  if (text[0] === '"') {
    const end = closingQuote(text);
    if (text[end + 1] !== ':' || (text.length > end + 2 && text[end + 2] !== ' ')) bail();
    return { key: doubleQuoted(text.slice(0, end + 1)), colon: end + 1 };
  }
  const colon = keyColon(text);
  if (colon <= 0 || colon > 1000) bail(); // yaml refuses implicit keys over 1024 characters
  const key = text.slice(0, colon);
  if (plainKeys.has(key)) return { key, colon };
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.\-/ ]*$/.test(key) || key.endsWith(' ')) bail();
  if (resolvePlain(key) !== key) bail(); // keys like `true` or `1` are not strings in YAML
  if (plainKeys.size < 1000) plainKeys.add(key);
  return { key, colon };
}

/** Mirrors source.ts's rangeOf on yaml's Document: the deepest existing node of `path`. */
function offsetOf(
  root: unknown,
  rootAt: number,
  offsets: OffsetTable,
  path: readonly PathSegment[],
  wantKey: boolean,
): number {
  let node = root;
  let nodeAt = rootAt;
  let keyAt: number | undefined;
  for (const segment of path) {
    keyAt = undefined;
    const known = node !== null && typeof node === 'object' ? offsets.get(node) : undefined;
    if (!known) break;
    if (!Array.isArray(known)) {
      const index = known.keys.indexOf(String(segment));
      if (index === -1) break;
      keyAt = known.at[2 * index]!;
      nodeAt = known.at[2 * index + 1]!;
      node = (node as Record<string, unknown>)[String(segment)];
    } else if (typeof segment === 'number' && segment < known.length) {
      nodeAt = known[segment]!;
      node = (node as unknown[])[segment];
    } else break;
  }
  return wantKey && keyAt !== undefined ? keyAt : nodeAt;
}
