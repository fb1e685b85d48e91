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
