/**
 * The auditor pack's manifest: every file in the archive with its SHA-256 and size, plus what the
 * pack was built from. Pure; the zip itself is written by ./zip.ts.
 */
import { createHash } from 'node:crypto';
import type { Engagement } from '../engagement/config.js';
import { evidenceKind, type EvidenceMap } from '../evidence/references.js';

export const MANIFEST = 'manifest.json';
export const PACK_FORMAT = 'soc2-ready-pack/1';

export interface PackFile {
  /** Path inside the archive, forward slashes. */
  path: string;
  bytes: Uint8Array;
}

export interface ManifestEntry {
  path: string;
  sha256: string;
  size: number;
}

/** One evidence reference and what the pack holds for it. */
export interface PackedEvidence {
  control: string;
  ref: string;
  kind: 'file' | 'url' | 'ticket';
  collected: string;
  /** As recorded in the answers file. */
  sha256: string | null;
  /** Where the file is in the archive; null for URLs, tickets and files that were not found. */
  file: string | null;
  status: 'included' | 'changed' | 'not-found' | 'recorded';
}

export interface Manifest {
  format: typeof PACK_FORMAT;
  tool: { name: string; version: string };
  generatedAt: string;
  organization: string | null;
  answers: ManifestEntry;
  engagement: Engagement | null;
  evidence: PackedEvidence[];
  files: ManifestEntry[];
}

export const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export function entryOf(file: PackFile): ManifestEntry {
  return { path: file.path, sha256: sha256Hex(file.bytes), size: file.bytes.byteLength };
}

/**
 * Where a local evidence file goes in the archive: under evidence/, its path relative to the answers
 * file, with every ".." segment renamed "_parent" so nothing can point outside the archive.
 */
export function evidenceEntryPath(ref: string): string {
  const segments = ref
    .replace(/\\/g, '/')
    .split('/')
    .filter((s) => s !== '' && s !== '.')
    .map((s) => (s === '..' ? '_parent' : s));
  return ['evidence', ...segments].join('/');
}

/** Evidence references in control order (as given), with what the pack holds for each. */
export function packedEvidence(
  evidence: EvidenceMap,
  found: ReadonlyMap<string, { sha256: string } | undefined>,
): PackedEvidence[] {
  return Object.entries(evidence).flatMap(([control, refs]) =>
    refs.map((r): PackedEvidence => {
      const kind = evidenceKind(r.ref);
      const base = { control, ref: r.ref, kind, collected: r.collected, sha256: r.sha256 ?? null };
      if (kind !== 'file') return { ...base, file: null, status: 'recorded' };
      const file = found.get(r.ref);
      if (!file) return { ...base, file: null, status: 'not-found' };
      const status = r.sha256 !== undefined && r.sha256 !== file.sha256 ? 'changed' : 'included';
      return { ...base, file: evidenceEntryPath(r.ref), status };
    }),
  );
}

/** The manifest for these files (sorted by path; the manifest never lists itself). */
export function buildManifest(files: readonly PackFile[], meta: Omit<Manifest, 'format' | 'files'>): Manifest {
  const entries = files
    .filter((f) => f.path !== MANIFEST)
    .map(entryOf)
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { format: PACK_FORMAT, ...meta, files: entries };
}
