import { UsageError } from '../errors.js';

/**
 * The CLI's clock. SOURCE_DATE_EPOCH (seconds, the reproducible-builds convention) pins it, so
 * reports and their golden files are byte-for-byte repeatable; otherwise it is the real time.
 */
export function clock(env: NodeJS.ProcessEnv): () => string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && /^\d+$/.test(epoch)) {
    const date = new Date(Number(epoch) * 1000);
    // Beyond the year 275760 a Date is invalid: such a value is a mistake in the environment.
    if (Number.isNaN(date.getTime()))
      throw new UsageError(
        `SOURCE_DATE_EPOCH=${epoch} is not a usable time (seconds since 1970).`,
        'Unset it, or set it to e.g. $(git log -1 --format=%ct).',
      );
    const fixed = date.toISOString();
    return () => fixed;
  }
  return () => new Date().toISOString();
}
