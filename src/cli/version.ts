import { readFile } from 'node:fs/promises';

let cached: string | undefined;

/** The package version, read from package.json once. */
export async function version(): Promise<string> {
  cached ??= (JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return cached;
}
