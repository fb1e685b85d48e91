import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../runtime/paths.js';

let cached: string | undefined;

/** The package version, read from package.json once (sync: node:fs is already loaded at start-up). */
export async function version(): Promise<string> {
  cached ??= (JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string }).version;
  return cached;
}

/** The tool as reports, SARIF and manifests name it. */
export async function toolInfo(): Promise<{ name: string; version: string }> {
  return { name: 'soc2-ready', version: await version() };
}
