/**
 * Scalars and one-line flow collections for the fast subset reader (simple.ts). Everything here
 * throws Unsupported for text it does not model exactly like `yaml` does; the caller then falls back.
 */
export class Unsupported extends Error {}

/**
 * The deepest nesting (block and flow collections together) the fast reader reads; deeper text goes
 * to the nesting guard and yaml. At this depth the guard's count (which adds at most one level per
 * `- ` item and one for the document) stays far below its limit of 64, so a document the fast reader
 * accepts is one the guard would have let through: the guard need not run first.
 */
export const MAX_DEPTH = 30;

export const bail = (): never => {
  throw new Unsupported();
};

/**
 * Where the parts of each collection start (offsets into the source): a sequence's items, or a
 * mapping's keys in order with each key's offset and its value's offset. Arrays, not Maps: a large
 * inventory has hundreds of thousands of collections, and this is most of what the reader allocates.
 */
export type OffsetTable = Map<object, number[] | { keys: string[]; at: number[] }>;

/** Whether a mapping being read already has `key` (duplicates are left to yaml, which reports them). */
export function hasKey(map: object, key: string): boolean {
  return key === '__proto__' || Object.prototype.hasOwnProperty.call(map, key);
}

/** `>`, `>-`, `|` or `|-` alone: a folded or literal block scalar with clip or strip chomping. */
export function blockScalarHeader(text: string): { folded: boolean; strip: boolean } | undefined {
  if (text.length > 2 || !/^[>|]-?$/.test(text)) return undefined;
  return { folded: text[0] === '>', strip: text.length === 2 };
}

/** A scalar that fills the rest of a block line, with an optional ` # comment` after it. */
export function inlineScalar(text: string): unknown {
  if (text[0] === '"') {
    const end = closingQuote(text);
    afterValue(text, end + 1);
    return doubleQuoted(text.slice(0, end + 1));
  }
  if (text[0] === "'") {
    const quoted = singleQuoted(text, 0);
    afterValue(text, quoted.end);
    return quoted.value;
  }
  const comment = text.indexOf(' #');
  const plain = comment === -1 ? text : trimSpaces(text.slice(0, comment));
  // Indicators, and plain scalars that could be keys or continue onto the next line: leave to yaml.
  if (plain === '' || BLOCK_INDICATORS.includes(plain[0]!) || plain.includes(': ') || plain.endsWith(':')) bail();
  return resolvePlain(plain);
}

/** Characters that cannot start a plain scalar in block context (or that we leave to yaml). */
const BLOCK_INDICATORS = '-?:,[]{}#&*!|>%@`"\'';

/** After a value on a line only a comment may follow (yaml needs a space before `#`). */
function afterValue(text: string, end: number): void {
  if (!/^(?: +#.*)?$/.test(text.slice(end))) bail();
}

/** One node of a flow collection starting at `i`; `base` is the source offset of `text[0]`. */
export function flowNode(
  text: string,
  i: number,
  base: number,
  offsets: OffsetTable,
  depth: number,
): { value: unknown; end: number } {
  const c = text[i];
  if ((c === '[' || c === '{') && depth >= MAX_DEPTH) bail();
  if (c === '[') return flowSequence(text, i, base, offsets, depth + 1);
  if (c === '{') return flowMapping(text, i, base, offsets, depth + 1);
  if (c === '"') {
    const end = i + closingQuote(text.slice(i));
    return { value: doubleQuoted(text.slice(i, end + 1)), end: end + 1 };
  }
  if (c === "'") return singleQuoted(text, i);
  PLAIN_END.lastIndex = i;
  const j = PLAIN_END.exec(text)?.index ?? text.length;
  const plain = trimSpaces(text.slice(i, j));
  if (plain === '' || FLOW_INDICATORS.includes(plain[0]!) || /[#'":]/.test(plain)) bail();
  return { value: resolvePlain(plain), end: i + plain.length };
}

/** Characters that cannot start a plain scalar inside a flow collection (or that we leave to yaml). */
const FLOW_INDICATORS = '-?:#&*!|>%@`';

/** Where a plain scalar inside a flow collection ends: a flow indicator, or `:` before a space or one. */
const PLAIN_END = /[,[\]{}]|:(?=[ ,[\]{}]|$)/g;

function flowSequence(
  text: string,
  i: number,
  base: number,
  offsets: OffsetTable,
  depth: number,
): { value: unknown[]; end: number } {
  const items: unknown[] = [];
  const at: number[] = [];
  offsets.set(items, at);
  let j = skipSpaces(text, i + 1);
  if (text[j] === ']') return { value: items, end: j + 1 };
  for (;;) {
    at.push(base + j);
    const item = flowNode(text, j, base, offsets, depth);
    items.push(item.value);
    j = skipSpaces(text, item.end);
    if (text[j] === ']') return { value: items, end: j + 1 };
    if (text[j] !== ',') bail();
    j = skipSpaces(text, j + 1);
    if (text[j] === ']') bail(); // a trailing comma: leave to yaml
  }
}

function flowMapping(
  text: string,
  i: number,
  base: number,
  offsets: OffsetTable,
  depth: number,
): { value: object; end: number } {
  const map: Record<string, unknown> = {};
  const keys: string[] = [];
  const at: number[] = [];
  offsets.set(map, { keys, at });
  let j = skipSpaces(text, i + 1);
  if (text[j] === '}') return { value: map, end: j + 1 };
  for (;;) {
    if (text[j] === '[' || text[j] === '{') bail();
    const key = flowNode(text, j, base, offsets, depth);
    if (typeof key.value !== 'string' || hasKey(map, key.value)) bail();
    if (text[key.end] !== ':' || text[key.end + 1] !== ' ') bail();
    keys.push(key.value as string);
    at.push(base + j);
    j = skipSpaces(text, key.end + 1);
    at.push(base + j);
    const value = flowNode(text, j, base, offsets, depth);
    map[key.value as string] = value.value;
    j = skipSpaces(text, value.end);
    if (text[j] === '}') return { value: map, end: j + 1 };
    if (text[j] !== ',') bail();
    j = skipSpaces(text, j + 1);
    if (text[j] === '}') bail();
  }
}

/** Trailing U+0020 removed; unlike trimEnd(), other blanks (a no-break space) stay: yaml keeps them. */
function trimSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  return end === text.length ? text : text.slice(0, end);
}

function skipSpaces(text: string, i: number): number {
  while (text[i] === ' ') i++;
  return i;
}

function singleQuoted(text: string, i: number): { value: string; end: number } {
  const match = /^'(?:[^']|'')*'/.exec(text.slice(i));
  if (!match) return bail();
  return { value: match[0].slice(1, -1).replace(/''/g, "'"), end: i + match[0].length };
}

/** YAML 1.2 core schema resolution of a plain scalar. */
export function resolvePlain(text: string): unknown {
  // Most plain scalars are words: only these first characters can start a null, bool or number.
  if (!'-+.~0123456789nNtTfF'.includes(text[0]!)) return text;
  if (/^(?:null|Null|NULL|~)$/.test(text)) return null;
  if (/^(?:true|True|TRUE)$/.test(text)) return true;
  if (/^(?:false|False|FALSE)$/.test(text)) return false;
  if (/^[-+]?[0-9]+$/.test(text)) return Number(text);
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.slice(2), 8);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.slice(2), 16);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(text)) return Number(text);
  if (/^[-+]?\.(?:inf|Inf|INF)$/.test(text) || /^\.(?:nan|NaN|NAN)$/.test(text)) bail();
  return text;
}

/** Index of the `"` that closes the double-quoted scalar at the start of `text`. */
export function closingQuote(text: string): number {
  for (let i = 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return bail();
}

/** A double-quoted scalar whose escapes are all JSON escapes (the ones yaml itself writes). */
export function doubleQuoted(text: string): string {
  if (/\\[^"\\/bfnrtu]/.test(text.replace(/\\\\/g, ''))) bail();
  try {
    return JSON.parse(text) as string;
  } catch {
    return bail();
  }
}
