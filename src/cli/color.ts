/**
 * Whether to colour a stream. chalk and cli-table3 get this wrong on their own (chalk ignores
 * NO_COLOR; cli-table3 colours pipes), so the decision is made once, here.
 */
export function colorLevel(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, flag?: boolean): 0 | 1 | 2 | 3 {
  if (flag === false) return 0;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') {
    if (force === '0' || force === 'false') return 0;
    return force === '2' ? 2 : force === '3' ? 3 : 1;
  }
  if (!stream.isTTY || env.TERM === 'dumb') return 0;
  return 1;
}
