/**
 * The CLI's clock. SOURCE_DATE_EPOCH (seconds, the reproducible-builds convention) pins it, so
 * reports and their golden files are byte-for-byte repeatable; otherwise it is the real time.
 */
export function clock(env: NodeJS.ProcessEnv): () => string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch)) {
    const fixed = new Date(Number(epoch) * 1000).toISOString();
    return () => fixed;
  }
  return () => new Date().toISOString();
}
