/**
 * A cache of parsed control files, keyed by each file's text, as eslint's and prettier's caches are:
 * the second `check` of an unchanged inventory reads one JSON file instead of parsing every YAML
 * file. A file's entry is used only when its text hashes to the same sha256 and the build that wrote
 * the entry is this build (the parser is pure: same text, same build, same result). Files with
 * findings are never cached, so every diagnostic still comes from a fresh parse.
 *
 * The cache is an optimisation only: it is off in CI (`CI` set: runs there start cold, and a cache
 * restored from another branch must never decide a result) and with SOC2_READY_CACHE=off; a missing,
 * unreadable, corrupt or unwritable cache is silently ignored. It lives in SOC2_READY_CACHE_DIR, else
 * $XDG_CACHE_HOME/soc2-ready, else ~/.cache/soc2-ready (%LOCALAPPDATA% on Windows), one file per
 * controls folder.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Control } from '../catalog/types.js';
import { writeFileAtomic } from './fs-atomic.js';
import { buildDir } from './paths.js';

/** Above this a cache file is not read or written: parsing is then no slower than reading JSON this big. */
const MAX_CACHE_BYTES = 32 * 1024 * 1024;

interface CacheFile {
  build: string;
  /** By path relative to the controls folder; locations in `controls` hold that relative path. */
  files: Record<string, { hash: string; controls: Control[] }>;
}

export interface ParseCache {
  /** The controls of `rel` when its text is the text they were cached for, with locations in `shown`. */
  get(rel: string, text: string, shown: string): Control[] | undefined;
  /** Remembers a file that parsed without findings. */
  put(rel: string, text: string, controls: Control[]): void;
  /** Writes the cache back if anything changed; never throws. */
  save(): void;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Where the cache lives, or undefined when it is switched off. */
export function cacheDirectory(env: NodeJS.ProcessEnv): string | undefined {
  if (env.CI !== undefined && env.CI !== '' && env.CI !== 'false') return undefined;
  if (/^(?:off|0|false|no)$/i.test(env.SOC2_READY_CACHE ?? '')) return undefined;
  if (env.SOC2_READY_CACHE_DIR) return env.SOC2_READY_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'soc2-ready');
  if (process.platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'soc2-ready', 'Cache');
  return join(homedir(), '.cache', 'soc2-ready');
}

/** The build's identity (written by scripts/build-content.js); undefined when running from src/. */
function buildId(): string | undefined {
  try {
    return readFileSync(join(buildDir, 'build-id.txt'), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/** The cache for the controls folder `absoluteDir`, or undefined when caching is off or impossible. */
export function openParseCache(absoluteDir: string, env: NodeJS.ProcessEnv = process.env): ParseCache | undefined {
  const dir = cacheDirectory(env);
  const build = buildId();
  if (dir === undefined || build === undefined) return undefined;
  const path = join(dir, `controls-${sha256(absoluteDir).slice(0, 24)}.json`);
  const stored = readCacheFile(path, build);
  const next: CacheFile = { build, files: {} };
  let changed = false;
  let cachedBytes = 0; // of YAML put; the cache file is 3–4 times as big (positions included)
  let tooBig = false;
  const relocate = (controls: Control[], file: string) =>
    controls.map((c) => ({ ...c, location: { ...c.location, file } }));
  return {
    get(rel, text, shown) {
      const entry = stored?.files[rel];
      if (!Array.isArray(entry?.controls) || entry.hash !== sha256(text)) return undefined;
      next.files[rel] = entry;
      return relocate(entry.controls, shown);
    },
    put(rel, text, controls) {
      cachedBytes += text.length;
      tooBig ||= cachedBytes > MAX_CACHE_BYTES / 4;
      if (tooBig) return; // would not be read back: spare the hashing and the serialisation
      // Locations still name the file as shown; save() stores them relative to the folder.
      next.files[rel] = { hash: sha256(text), controls };
      changed = true;
    },
    save() {
      const dropped = stored !== undefined && Object.keys(stored.files).some((f) => !(f in next.files));
      if (tooBig || !(changed || dropped)) return;
      const files = Object.entries(next.files).map(([rel, e]) => [rel, { ...e, controls: relocate(e.controls, rel) }]);
      writeCacheFile(dir, path, { build, files: Object.fromEntries(files) as CacheFile['files'] });
    },
  };
}

function readCacheFile(path: string, build: string): CacheFile | undefined {
  try {
    if (statSync(path).size > MAX_CACHE_BYTES) return undefined;
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<CacheFile>;
    const usable = parsed.build === build && typeof parsed.files === 'object' && parsed.files !== null;
    return usable ? (parsed as CacheFile) : undefined;
  } catch {
    return undefined; // absent (the first run) or unreadable: parse instead
  }
}

function writeCacheFile(dir: string, path: string, cache: CacheFile): void {
  try {
    const text = JSON.stringify(cache);
    if (text.length > MAX_CACHE_BYTES) return;
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileAtomic(path, text);
  } catch {
    // A read-only home, a full disk: the next run parses again, nothing else is affected.
  }
}
