/**
 * `pack` end to end with the built CLI: build the auditor pack from test/fixtures/verify, verify it
 * clean, tamper with it (change, remove, add a file), refuse zip-slip names; two builds are identical.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { repoRoot, runCli } from '../helpers/run-cli.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'soc2-pack-'));
  cpSync(join(repoRoot, 'test', 'fixtures', 'verify'), dir, { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const EPOCH = { SOURCE_DATE_EPOCH: '1795000000' };
const pack = (...args: string[]) => runCli(['pack', ...args], { cwd: dir, env: EPOCH });
const build = (name: string) => pack('--answers', 'answers.yaml', '-o', name);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const ENTRIES = [
  'answers/answers.yaml',
  'assessment-results.json',
  'evidence-requests.csv',
  'evidence-requests.xlsx',
  'evidence/evidence/access-review-q3.txt',
  'evidence/evidence/change-approvals.txt',
  'manifest.json',
  'report.html',
  'report.json',
];

/** Rewrites a zip with `edit` applied to its entries (as a tamperer would). */
function rezip(from: string, to: string, edit: (files: Record<string, Uint8Array>) => void) {
  const files = unzipSync(readFileSync(join(dir, from)));
  edit(files);
  writeFileSync(join(dir, to), zipSync(files));
}

describe('pack', () => {
  test('builds the pack: sorted entries, a manifest listing each with SHA-256 and size, exit 0', () => {
    const r = build('acme-audit.zip');
    expect([r.status, r.stdout]).toEqual([0, '']);
    expect(r.stderr).toBe(
      'Wrote acme-audit.zip: 9 files, every one listed with its SHA-256 in manifest.json.\n' +
        'soc2-ready: 1 evidence file(s) not found and 1 changed since recorded; run `soc2-ready verify` for details.\n',
    );
    const files = unzipSync(readFileSync(join(dir, 'acme-audit.zip')));
    expect(Object.keys(files)).toEqual(ENTRIES);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    expect(manifest.files).toEqual(
      ENTRIES.filter((p) => p !== 'manifest.json').map((path) => ({
        path,
        sha256: sha(files[path]!),
        size: files[path]!.byteLength,
      })),
    );
    expect(manifest.answers).toEqual({
      path: 'answers/answers.yaml',
      sha256: sha(readFileSync(join(dir, 'answers.yaml'))),
      size: readFileSync(join(dir, 'answers.yaml')).byteLength,
    });
    expect(manifest).toMatchObject({
      format: 'soc2-ready-pack/1',
      generatedAt: '2026-11-18T11:06:40.000Z',
      engagement: null,
    });
    expect(manifest.evidence.map((e: { ref: string; status: string }) => `${e.ref} ${e.status}`)).toEqual([
      'evidence/access-review-q3.txt included',
      'https://tracker.example/SEC-412 recorded',
      'SEC-100 recorded',
      'SEC-101 recorded',
      'evidence/change-approvals.txt changed',
      'evidence/vendor-review-2026.pdf not-found',
      'SEC-7 recorded',
    ]);
    expect(files['evidence/evidence/access-review-q3.txt']).toEqual(
      new Uint8Array(readFileSync(join(dir, 'evidence', 'access-review-q3.txt'))),
    );
    const oscal = JSON.parse(new TextDecoder().decode(files['assessment-results.json']));
    expect(oscal['assessment-results'].metadata['oscal-version']).toBe('1.1.3');
  });

  test('two builds from the same inputs and SOURCE_DATE_EPOCH are byte-identical', () => {
    build('again.zip');
    expect(readFileSync(join(dir, 'again.zip')).equals(readFileSync(join(dir, 'acme-audit.zip')))).toBe(true);
  });

  test('verify: a clean pack passes, exit 0', () => {
    expect(pack('--verify', 'acme-audit.zip')).toEqual({
      status: 0,
      stdout: '✔ acme-audit.zip: all 8 files match manifest.json (soc2-ready 0.1.0, 2026-11-18T11:06:40.000Z).\n',
      stderr: '',
    });
  });

  test('verify names a tampered file, exit 1', () => {
    rezip('acme-audit.zip', 'tampered.zip', (files) => {
      files['report.html'] = new TextEncoder().encode('<p>All controls ready.</p>');
    });
    const r = pack('--verify', 'tampered.zip');
    expect([r.status, r.stdout]).toEqual([
      1,
      'tampered.zip: changed  report.html  content differs from the manifest (SHA-256)\n' +
        '✖ tampered.zip: 1 problem(s); the archive is not what its manifest lists.\n',
    ]);
  });

  test('verify names removed and added files', () => {
    rezip('acme-audit.zip', 'swapped.zip', (files) => {
      delete files['evidence/evidence/change-approvals.txt'];
      files['evidence/extra.pdf'] = new Uint8Array([1, 2, 3]);
    });
    const r = pack('--verify', 'swapped.zip');
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual([
      'swapped.zip: removed  evidence/evidence/change-approvals.txt  listed in the manifest, missing from the archive',
      'swapped.zip: added  evidence/extra.pdf  in the archive, not listed in the manifest',
    ]);
  });

  test.each([
    ['../evil.txt'],
    ['/etc/evil.txt'],
    ['evidence/../../evil.txt'],
    ['C:/evil.txt'],
    ['evidence\\..\\evil.txt'],
  ])('verify refuses the zip-slip entry %s without extracting anything', (name) => {
    rezip('acme-audit.zip', 'slip.zip', (files) => {
      files[name] = new TextEncoder().encode('pwned');
    });
    const r = pack('--verify', 'slip.zip');
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')[0]).toMatch(
      new RegExp(`^slip\\.zip: refused  ${name.replace(/[.\\/]/g, '\\$&')}  refused: the entry name `),
    );
    expect(existsSync(join(dir, '..', 'evil.txt'))).toBe(false);
  });

  test('verify: an archive without a manifest is not a pack (exit 1)', () => {
    writeFileSync(join(dir, 'plain.zip'), zipSync({ 'a.txt': new Uint8Array([1]) }));
    const r = pack('--verify', 'plain.zip');
    expect([r.status, r.stdout.split('\n')[0]]).toEqual([
      1,
      'plain.zip: manifest  manifest.json  the archive has no manifest.json; it is not a soc2-ready pack',
    ]);
  });

  test.each([
    [[], 'soc2-ready: pack needs -o <file.zip> (or --verify <file.zip>).\n'],
    [['-o', 'x.zip', '--verify', 'y.zip'], 'soc2-ready: Give either -o <zip> (build) or --verify <zip>, not both.\n'],
    [['--verify', 'nope.zip'], 'soc2-ready: Cannot read "nope.zip".\n'],
    [['--verify', 'answers.yaml'], 'soc2-ready: "answers.yaml" is not a readable zip archive.\n'],
  ])('%j is a usage error (exit 2)', (args, message) => {
    const r = pack(...args);
    expect(r.status).toBe(2);
    expect(r.stderr.startsWith(message)).toBe(true);
  });
});
