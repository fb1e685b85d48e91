/**
 * A headless Chromium for the HTML report tests, found without any system package:
 *   1. CHROMIUM_PATH, when set (only that one is tried);
 *   2. the system's chromium (Debian's /usr/bin/chromium or chromium on PATH);
 *   3. the Chromium packaged inside the @sparticuz/chromium dev dependency (extracted to the temp
 *      folder on first use, about 200 MB).
 * The first that starts wins; when none does, one error says what was tried and why each failed.
 * SOC2_READY_SKIP_SYSTEM_CHROMIUM=1 skips step 2, to prove the packaged browser works here.
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const ARGS = [
  '--headless',
  '--no-sandbox',
  // The packaged build cannot start its zygote helper in containers; Debian's does not need one either.
  '--no-zygote',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface LaunchedBrowser {
  browser: Browser;
  /** Which candidate started, e.g. "system chromium (/usr/bin/chromium)". */
  source: string;
}

interface Candidate {
  source: string;
  path: () => Promise<string>;
}

function onPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) if (dir && existsSync(join(dir, name))) return join(dir, name);
  return undefined;
}

function candidates(env: NodeJS.ProcessEnv): Candidate[] {
  const fixed = env.CHROMIUM_PATH;
  if (fixed) return [{ source: `CHROMIUM_PATH (${fixed})`, path: async () => fixed }];
  const list: Candidate[] = [];
  const system = env.SOC2_READY_SKIP_SYSTEM_CHROMIUM
    ? undefined
    : (onPath('chromium', env) ?? onPath('chromium-browser', env));
  if (system) list.push({ source: `system chromium (${system})`, path: async () => system });
  list.push({
    source: 'the @sparticuz/chromium dev dependency',
    path: async () => (await import('@sparticuz/chromium')).default.executablePath(),
  });
  return list;
}

export async function launchChromium(env: NodeJS.ProcessEnv = process.env): Promise<LaunchedBrowser> {
  const failures: string[] = [];
  for (const candidate of candidates(env)) {
    try {
      const executablePath = await candidate.path();
      if (!existsSync(executablePath)) throw new Error(`${executablePath} does not exist`);
      return { browser: await chromium.launch({ executablePath, args: ARGS }), source: candidate.source };
    } catch (cause) {
      failures.push(`${candidate.source}: ${String((cause as Error).message ?? cause).split('\n')[0]}`);
    }
  }
  throw new Error(
    `No Chromium starts for the HTML report tests. Tried ${failures.join('; ')}. ` +
      'Run `npm ci` (it installs @sparticuz/chromium), install chromium, or set CHROMIUM_PATH to a Chromium binary.',
  );
}
