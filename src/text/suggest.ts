/** Edit distance, for did-you-mean hints on ids and field names. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      const cost = a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + cost);
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/**
 * The candidates nearest to `input` (at most `limit`, all at the same smallest distance),
 * in the candidates' own order; none when nothing is close enough to be a plausible typo.
 */
export function closest(input: string, candidates: readonly string[], limit = 3): string[] {
  const maxDistance = Math.max(1, Math.floor(input.length / 3));
  let best = Infinity;
  let found: string[] = [];
  for (const candidate of candidates) {
    const d = editDistance(input, candidate);
    if (d > maxDistance || d > best) continue;
    if (d < best) {
      best = d;
      found = [];
    }
    found.push(candidate);
  }
  return found.slice(0, limit);
}

/** `"CC9.1" or "CC9.2"` / `"A", "B" or "C"`. */
export function quotedList(items: readonly string[]): string {
  const quoted = items.map((s) => `"${s}"`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}

/** Cyrillic and Greek capitals (and a few small letters) that look like ASCII letters. */
const LOOK_ALIKES: Record<string, string> = {
  А: 'A',
  В: 'B',
  С: 'C',
  Е: 'E',
  Н: 'H',
  І: 'I',
  К: 'K',
  М: 'M',
  О: 'O',
  Р: 'P',
  Т: 'T',
  Х: 'X',
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Χ: 'X',
  а: 'a',
  с: 'c',
  е: 'e',
  о: 'o',
  р: 'p',
  х: 'x',
  у: 'y',
};

/** `It contains U+0421, which is not ASCII …` for an id with characters outside printable ASCII. */
function nonAsciiNote(id: string): string | undefined {
  const odd = [...new Set([...id].filter((ch) => ch < ' ' || ch > '~'))];
  if (odd.length === 0) return undefined;
  const names = odd.map((ch) => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  const which = odd.length === 1 ? 'which is' : 'which are';
  return `It contains ${names.join(', ')}, ${which} not ASCII (a look-alike letter typed or pasted by mistake?).`;
}

/**
 * The hint for an id that is not one of `ids`: any character outside ASCII (ids are ASCII, so a
 * Cyrillic "С" that looks like "C" is named), then the nearest ids, look-alikes read as the letters
 * they imitate, or `fallback` when none is near.
 */
export function unknownIdHint(id: string, ids: readonly string[], fallback?: string): string | undefined {
  const near = closest([...id].map((ch) => LOOK_ALIKES[ch] ?? ch).join(''), ids);
  const parts = [nonAsciiNote(id), near.length > 0 ? `Did you mean ${quotedList(near)}?` : fallback];
  const hint = parts.filter((p) => p !== undefined).join(' ');
  return hint === '' ? undefined : hint;
}
