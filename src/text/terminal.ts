/**
 * Inert text for terminals and CI logs. Every value that comes from a file or the user (titles,
 * criteria strings, file names, answer keys, organisation names, notes) goes through `inert` before
 * it is printed, so it can never move the cursor, clear the screen, set the window title, write the
 * clipboard, make a link, overwrite a line or start a new one. Control characters are shown
 * visibly instead of being dropped, so a reader sees that something odd is in the file.
 */

const NAMED: Record<string, string> = {
  '\u001b': '\\e',
  '\u0007': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\r': '\\r',
  '\v': '\\v',
  '\f': '\\f',
  '\u0000': '\\0',
};

/**
 * C0 and C1 controls, DEL, line and paragraph separators, bidirectional overrides (which reorder
 * what is displayed) and invisible zero-width characters.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b-\u200f\u2060-\u2064\ufeff]/g;

function visible(ch: string, keepNewlines: boolean): string {
  if (ch === '\n') return keepNewlines ? '\n' : '⏎';
  if (ch === '\u2028' || ch === '\u2029') return '⏎';
  const named = NAMED[ch];
  if (named) return named;
  const code = ch.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `value` with every control character shown visibly (`\e`, `\a`, `\r`, `\x01`, newline as `⏎`). */
export function inert(value: unknown, options: { keepNewlines?: boolean } = {}): string {
  const text = value === undefined || value === null ? '' : String(value);
  const keep = options.keepNewlines ?? false;
  return text.replace(UNSAFE, (ch) => visible(ch, keep));
}

/** Whether `text` holds a character `inert` would replace (newlines allowed when `keepNewlines`). */
export function hasUnsafeCharacters(text: string, options: { keepNewlines?: boolean } = {}): boolean {
  const pattern = new RegExp(UNSAFE.source);
  return [...text].some((ch) => pattern.test(ch) && !(options.keepNewlines && ch === '\n'));
}

/** Characters that cannot appear in HTML or XML text at all (parse errors): dropped, tab/newline kept. */
export function dropUnholdable(value: string): string {
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g, '');
}

/**
 * GitHub Actions runs any log line that starts (after spaces) with `::` as a workflow command, and
 * `##[` as a legacy one. Under GITHUB_ACTIONS every line of text output passes through this, so a
 * value at the start of a line cannot forge an annotation or `::stop-commands::`. The tool's own
 * commands (format `github`, automatic annotations) are written without it.
 */
export function guardWorkflowCommands(text: string): string {
  // Any leading white space (BOM and Unicode spaces too) may be trimmed by the runner before it looks.
  return text.replace(/^([^\S\r\n\u2028\u2029]*)(::|##\[)/gm, '$1» $2');
}

/** A path or word as a POSIX shell reads it, for commands shown in hints: quoted when it needs to be. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** A copy of plain data with `fn` applied to every string in it (keys kept), e.g. a report view. */
export function mapStrings<T>(value: T, fn: (s: string) => string): T {
  if (typeof value === 'string') return fn(value) as T;
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn)) as T;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = mapStrings(v, fn);
  return out as T;
}
