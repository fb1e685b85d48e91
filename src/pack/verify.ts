/** `pack --verify`: does an archive still hold exactly what its manifest lists? Pure. */
import { MANIFEST, PACK_FORMAT, sha256Hex, type Manifest } from './manifest.js';
import type { ZipEntries } from './zip.js';

export interface PackProblem {
  kind: 'changed' | 'added' | 'removed' | 'refused' | 'manifest';
  path: string;
  detail: string;
}

export interface PackCheck {
  manifest?: Manifest;
  problems: PackProblem[];
  /** Files compared against the manifest. */
  checked: number;
}

export function verifyPackEntries(zip: ZipEntries): PackCheck {
  const problems: PackProblem[] = zip.refused.map((r) => ({
    kind: 'refused',
    path: r.name,
    detail: `refused: the entry name ${r.reason} and could escape the folder it is extracted to`,
  }));
  const manifest = parseManifest(zip.files.get(MANIFEST));
  if ('error' in manifest)
    return { problems: [...problems, { kind: 'manifest', path: MANIFEST, detail: manifest.error }], checked: 0 };
  const listed = new Map(manifest.files.map((f) => [f.path, f]));
  for (const entry of manifest.files) {
    const bytes = zip.files.get(entry.path);
    if (!bytes)
      problems.push({ kind: 'removed', path: entry.path, detail: 'listed in the manifest, missing from the archive' });
    else if (bytes.byteLength !== entry.size || sha256Hex(bytes) !== entry.sha256)
      problems.push({ kind: 'changed', path: entry.path, detail: 'content differs from the manifest (SHA-256)' });
  }
  for (const path of [...zip.files.keys()].sort())
    if (path !== MANIFEST && !listed.has(path))
      problems.push({ kind: 'added', path, detail: 'in the archive, not listed in the manifest' });
  return { manifest, problems, checked: manifest.files.length };
}

function parseManifest(bytes: Uint8Array | undefined): Manifest | { error: string } {
  if (!bytes) return { error: 'the archive has no manifest.json; it is not a soc2-ready pack' };
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return { error: 'manifest.json is not valid JSON' };
  }
  const m = data as Partial<Manifest>;
  const valid =
    m?.format === PACK_FORMAT &&
    Array.isArray(m.files) &&
    m.files.every((f) => typeof f?.path === 'string' && typeof f.sha256 === 'string' && typeof f.size === 'number');
  return valid ? (m as Manifest) : { error: `manifest.json is not a ${PACK_FORMAT} manifest` };
}
