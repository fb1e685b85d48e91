/**
 * A small block-YAML writer for plain data (mappings, lists, strings, numbers, booleans, null) that
 * writes exactly what `yaml.stringify(data, { lineWidth: 0, version: '1.1', customTags: ['intOct'] })`
 * writes, or returns undefined when the data holds anything it does not model (multi-line or control
 * characters, lists of lists, unusual numbers…) so the caller uses `yaml`.
 *
 * Why: `assess` saves the answers file after every answer. The first `yaml.stringify` of a session
 * costs 100–160 ms (loading and warming the package), later ones ~10 ms for a full questionnaire;
 * this writer takes well under a millisecond. A property test checks it byte for byte against `yaml`.
 */
class Declined extends Error {}

const decline = (): never => {
  throw new Declined();
};

export function emitBlockYaml(data: Record<string, unknown>): string | undefined {
  const lines: string[] = [];
  try {
    mapping(data, '', lines);
  } catch (e) {
    if (e instanceof Declined) return undefined;
    throw e;
  }
  return lines.length === 0 ? undefined : `${lines.join('\n')}\n`;
}

function mapping(map: Record<string, unknown>, indent: string, lines: string[]): void {
  for (const [key, value] of defined(map)) {
    const head = `${indent}${string(key)}:`;
    if (Array.isArray(value) && value.length > 0) {
      lines.push(head);
      sequence(value, `${indent}  `, lines);
    } else if (isMapping(value) && defined(value).length > 0) {
      lines.push(head);
      mapping(value, `${indent}  `, lines);
    } else lines.push(`${head} ${Array.isArray(value) ? '[]' : isMapping(value) ? '{}' : scalar(value)}`);
  }
}

function sequence(items: unknown[], indent: string, lines: string[]): void {
  for (const item of items) {
    if (Array.isArray(item) || item === undefined) decline();
    if (!isMapping(item)) lines.push(`${indent}- ${scalar(item)}`);
    else if (defined(item).length === 0) lines.push(`${indent}- {}`);
    else {
      // `- first: …` with the other keys of the item aligned under `first`.
      const start = lines.length;
      mapping(item, `${indent}  `, lines);
      lines[start] = `${indent}- ${lines[start]!.slice(indent.length + 2)}`;
    }
  }
}

/** Entries yaml writes: undefined values are left out, as in JSON. */
function defined(map: Record<string, unknown>): [string, unknown][] {
  return Object.entries(map).filter(([, value]) => value !== undefined);
}

/** Plain objects, also those without a prototype (serializeAnswers builds its answers map so). */
function isMapping(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function scalar(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return plainNumber(value) ? String(value) : decline();
  if (typeof value === 'string') return string(value);
  return decline();
}

/** Whole numbers, and fractions like 0.5 (no exponent, no -0): written as JavaScript writes them. */
function plainNumber(n: number): boolean {
  if (Object.is(n, -0) || !Number.isFinite(n)) return false;
  return Number.isInteger(n) ? Number.isSafeInteger(n) : !String(n).includes('e');
}

/** Values the YAML 1.1 schema (plus the 1.2 octal form) would read as something other than a string. */
const NOT_A_STRING = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON|N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
  /^[-+]?0b[0-1_]+$/,
  /^[-+]?[0-9][0-9_]*$/,
  /^[-+]?0x[0-9a-fA-F_]+$/,
  /^0o[0-7]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
  /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
  /^<<$/,
  /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/,
  /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:t|T|[ \t]+)[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(?:\.[0-9]+)?(?:[ \t]*(?:Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$/,
];

/** A string as yaml writes it: plain when that reads back as the same string, else quoted. */
function string(value: string): string {
  // Line breaks, control characters, surrogates (emoji), BOM, document markers: leave to yaml.
  if (/[\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff\ufeff]/.test(value) || /^(?:---|\.\.\.)/.test(value))
    decline();
  if (value.length > 1000 || value === '<<') decline(); // long keys become `? key`; `<<` is a merge key
  const needsQuotes =
    /^[ ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-] |: | #| $|:$/.test(value) || NOT_A_STRING.some((re) => re.test(value));
  if (!needsQuotes) return value;
  // yaml prefers double quotes, and single quotes for text with " but no '.
  if (value.includes('"') && !value.includes("'")) return `'${value}'`;
  return JSON.stringify(value);
}
