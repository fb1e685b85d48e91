/**
 * A fast reader for the small block-YAML subset that answers files and simple configs are written
 * in: nested mappings, sequences of scalars, plain, single- and double-quoted scalars, comments.
 *
 * Why: the `yaml` package needs ~30 ms of cold start-up to parse an 800-line answers file, which
 * alone breaks the report's start-up budget. Anything outside the subset (anchors, tags, block
 * scalars, flow mappings, multi-line or ambiguous scalars, duplicate keys, tabs, CR) returns
 * undefined, and the caller uses `yaml` instead, which also produces every positioned error. A
 * property test checks that whenever this returns a value it deep-equals `yaml`'s result.
 */
type Value = unknown;

interface Line {
  indent: number;
  text: string;
}

class Unsupported extends Error {}

const bail = (): never => {
  throw new Unsupported();
};

export function parseSimpleYaml(source: string): { value: Value } | undefined {
  // Tabs, CR, BOM and characters YAML treats specially (NEL, line separators, C0 controls): leave to yaml.
  if (/[\t\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u0085\u2028\u2029\ufeff]/.test(source)) return undefined;
  const lines: Line[] = [];
  for (const raw of source.split('\n')) {
    const text = raw.trimStart();
    if (text === '' || text.startsWith('#')) continue;
    if (text.startsWith('---') || text.startsWith('...') || text.startsWith('%')) return undefined;
    lines.push({ indent: raw.length - text.length, text: text.trimEnd() });
  }
  if (lines.length === 0) return undefined;
  try {
    const cursor = { i: 0 };
    const value = parseBlock(lines, cursor, lines[0]!.indent);
    return cursor.i === lines.length ? { value } : undefined;
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

function parseBlock(lines: Line[], cursor: { i: number }, indent: number): Value {
  return lines[cursor.i]!.text.startsWith('- ') || lines[cursor.i]!.text === '-'
    ? parseSequence(lines, cursor, indent)
    : parseMapping(lines, cursor, indent);
}

function parseSequence(lines: Line[], cursor: { i: number }, indent: number): Value[] {
  const items: Value[] = [];
  while (cursor.i < lines.length && lines[cursor.i]!.indent === indent) {
    const { text } = lines[cursor.i]!;
    if (!text.startsWith('- ')) bail();
    items.push(scalar(text.slice(2).trim()));
    cursor.i++;
  }
  if (cursor.i < lines.length && lines[cursor.i]!.indent > indent) bail();
  return items;
}

function parseMapping(lines: Line[], cursor: { i: number }, indent: number): Record<string, Value> {
  const map: Record<string, Value> = {};
  while (cursor.i < lines.length && lines[cursor.i]!.indent === indent) {
    const { key, rest } = splitKey(lines[cursor.i]!.text);
    if (Object.prototype.hasOwnProperty.call(map, key) || key === '__proto__') bail();
    cursor.i++;
    if (rest !== '') {
      map[key] = scalar(rest);
      continue;
    }
    const next = lines[cursor.i];
    // `key:` followed by a deeper block, or by a sequence at the same indent (yaml allows both).
    if (next && (next.indent > indent || (next.indent === indent && next.text.startsWith('- '))))
      map[key] = parseBlock(lines, cursor, next.indent);
    else map[key] = null;
  }
  if (cursor.i < lines.length && lines[cursor.i]!.indent > indent) bail();
  return map;
}

function splitKey(text: string): { key: string; rest: string } {
  if (text.startsWith('"')) {
    const end = closingQuote(text);
    if (text[end + 1] !== ':' || (text.length > end + 2 && text[end + 2] !== ' ')) bail();
    return { key: doubleQuoted(text.slice(0, end + 1)), rest: text.slice(end + 2).trim() };
  }
  const colon = text.search(/:( |$)/);
  if (colon <= 0) bail();
  const key = text.slice(0, colon);
  if (!/^[A-Za-z0-9_][A-Za-z0-9_.\-/ ]*$/.test(key) || key.endsWith(' ')) bail();
  if (resolvePlain(key) !== key) bail(); // keys like `true` or `1` are not strings in YAML
  return { key, rest: text.slice(colon + 1).trim() };
}

function scalar(text: string): Value {
  if (text.startsWith('"')) {
    if (closingQuote(text) !== text.length - 1) bail();
    return doubleQuoted(text);
  }
  if (text.startsWith("'")) {
    if (!/^'(?:[^']|'')*'$/.test(text)) bail();
    return text.slice(1, -1).replace(/''/g, "'");
  }
  if (text.startsWith('[')) return flowSequence(text);
  // Indicators, comments, and plain scalars that could continue onto the next line: leave to yaml.
  if (/^[-?:,\]{}#&*!|>%@`]/.test(text) || / #|: |:$/.test(text)) bail();
  return resolvePlain(text);
}

function flowSequence(text: string): Value[] {
  if (!text.endsWith(']')) bail();
  const inner = text.slice(1, -1).trim();
  if (inner === '') return [];
  if (/["'[\]{}#&*!|>%@`]/.test(inner)) bail();
  return inner.split(',').map((part) => {
    const item = part.trim();
    if (item === '' || /^[-?:]/.test(item) || item.includes(': ')) bail();
    return resolvePlain(item);
  });
}

/** YAML 1.2 core schema resolution of a plain scalar. */
function resolvePlain(text: string): Value {
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

function closingQuote(text: string): number {
  for (let i = 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return bail();
}

/** A double-quoted scalar whose escapes are all JSON escapes (the ones yaml itself writes). */
function doubleQuoted(text: string): string {
  if (/\\[^"\\/bfnrtu]/.test(text.replace(/\\\\/g, ''))) bail();
  try {
    return JSON.parse(text) as string;
  } catch {
    return bail();
  }
}
