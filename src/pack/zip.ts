/**
 * Deterministic zip archives (fflate, loaded only by `pack`): entries sorted by path, every mtime the
 * same fixed time, one compression level, so the same files give the same bytes.
 */
import type { PackFile } from './manifest.js';

/** DOS timestamps start in 1980; earlier times (e.g. SOURCE_DATE_EPOCH=0) are raised to it. */
const DOS_EPOCH = Date.UTC(1980, 0, 1, 0, 0, 0);

export async function zipFiles(files: readonly PackFile[], mtimeIso: string): Promise<Uint8Array> {
  const { zipSync } = await import('fflate');
  const mtime = new Date(Math.max(Date.parse(mtimeIso), DOS_EPOCH));
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const zippable: Record<string, [Uint8Array, { mtime: Date; level: 6; os: 3; attrs: number }]> = {};
  for (const f of sorted) zippable[f.path] = [f.bytes, { mtime, level: 6, os: 3, attrs: 0o100644 << 16 }];
  return zipSync(zippable);
}

/** Why an entry name is refused: it could escape the folder it is extracted to (zip-slip). */
export function unsafeEntryReason(name: string): string | undefined {
  if (name.includes('\0')) return 'contains a NUL character';
  if (name.includes('\\')) return 'contains a backslash';
  if (/^\//.test(name) || /^[A-Za-z]:/.test(name)) return 'is an absolute path';
  if (name.split('/').includes('..')) return 'contains a ".." segment';
  return undefined;
}

export interface ZipEntries {
  files: Map<string, Uint8Array>;
  /** Entries refused before extraction, with the reason. */
  refused: { name: string; reason: string }[];
}

/** Reads every entry into memory (nothing touches the disk); unsafe names are refused, not read. */
export async function readZip(bytes: Uint8Array): Promise<ZipEntries> {
  const { unzipSync } = await import('fflate');
  const refused: ZipEntries['refused'] = [];
  const entries = unzipSync(bytes, {
    filter: (file) => {
      const reason = unsafeEntryReason(file.name);
      if (reason) refused.push({ name: file.name, reason });
      return reason === undefined && !file.name.endsWith('/');
    },
  });
  return { files: new Map(Object.entries(entries)), refused };
}
