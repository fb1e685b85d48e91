import { describe, expect, test } from '@jest/globals';
import { buildManifest, evidenceEntryPath, packedEvidence } from '../src/pack/manifest.js';
import { unsafeEntryReason } from '../src/pack/zip.js';

describe('evidenceEntryPath: under evidence/, never outside the archive', () => {
  test.each([
    ['evidence/review.pdf', 'evidence/evidence/review.pdf'],
    ['./review.pdf', 'evidence/review.pdf'],
    ['../shared/policy.pdf', 'evidence/_parent/shared/policy.pdf'],
    ['a/../../b.pdf', 'evidence/a/_parent/_parent/b.pdf'],
    ['/abs/x.pdf', 'evidence/abs/x.pdf'],
    ['win\\dir\\x.pdf', 'evidence/win/dir/x.pdf'],
  ])('%s -> %s', (ref, path) => {
    expect(evidenceEntryPath(ref)).toBe(path);
    expect(unsafeEntryReason(path)).toBeUndefined();
  });
});

test('unsafeEntryReason names why a zip entry is refused', () => {
  expect(['../x', '/x', 'C:/x', 'a\\b', 'a/../../x', 'a\0b', 'a/b.txt'].map(unsafeEntryReason)).toEqual([
    'contains a ".." segment',
    'is an absolute path',
    'is an absolute path',
    'contains a backslash',
    'contains a ".." segment',
    'contains a NUL character',
    undefined,
  ]);
});

test('the manifest lists every file but itself, sorted, with SHA-256 and size', () => {
  const bytes = (s: string) => new TextEncoder().encode(s);
  const m = buildManifest(
    [
      { path: 'report.json', bytes: bytes('{}') },
      { path: 'manifest.json', bytes: bytes('x') },
      { path: 'answers/a.yaml', bytes: bytes('') },
    ],
    {
      tool: { name: 't', version: '1' },
      generatedAt: 'now',
      organization: null,
      answers: { path: 'answers/a.yaml', sha256: '', size: 0 },
      engagement: null,
      evidence: [],
    },
  );
  expect(m.files).toEqual([
    { path: 'answers/a.yaml', sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', size: 0 },
    { path: 'report.json', sha256: '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a', size: 2 },
  ]);
});

test('packedEvidence: included, changed, not found, or only recorded', () => {
  const found = new Map([
    ['ok.pdf', { sha256: 'a'.repeat(64) }],
    ['edited.pdf', { sha256: 'b'.repeat(64) }],
  ]);
  const evidence = {
    C: [
      { ref: 'ok.pdf', collected: '2026-01-01', sha256: 'a'.repeat(64) },
      { ref: 'edited.pdf', collected: '2026-01-01', sha256: 'c'.repeat(64) },
      { ref: 'gone.pdf', collected: '2026-01-01' },
      { ref: 'SEC-1', collected: '2026-01-01' },
    ],
  };
  expect(packedEvidence(evidence, found).map((e) => [e.ref, e.status, e.file])).toEqual([
    ['ok.pdf', 'included', 'evidence/ok.pdf'],
    ['edited.pdf', 'changed', 'evidence/edited.pdf'],
    ['gone.pdf', 'not-found', null],
    ['SEC-1', 'recorded', null],
  ]);
});
