/**
 * Inert text in every output (M1-M6, L1-L5): random strings full of control characters, escape
 * sequences and forged workflow commands are put in every field a control file, an answers file
 * and a config can carry, then every text output is produced in-process (check text, report
 * text/md/html, diff Markdown, a content error on stderr) under GITHUB_ACTIONS=true.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCheck } from '../../src/cli/commands/check.js';
import { runDiff } from '../../src/cli/commands/diff.js';
import { runReport } from '../../src/cli/commands/report.js';
import { reportFailure } from '../../src/cli/failure.js';
import { fakeIo, type FakeIo } from '../helpers/io.js';
import { hostileString } from '../helpers/hostile.js';

let root: string;
let n = 0;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'soc2-inert-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A YAML double-quoted scalar holding exactly `s` (every non-printable character as \uXXXX). */
const yq = (s: string) =>
  `"${[...s].map((c) => (/[\u0020-\u007e]/.test(c) && c !== '"' && c !== '\\' ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)).join('')}"`;

/** A project whose every free-text field (and one file name) carries `s`. */
function hostileProject(s: string): string {
  const dir = join(root, `p${n++}`);
  mkdirSync(join(dir, 'controls'), { recursive: true });
  const control = (id: string, criteria: string) => `  - id: ${id}
    title: ${yq(`T ${s}`)}
    criteria: [${criteria}]
    remediation: ${yq(`R ${s}`)}
    owner: ${yq(`O ${s}`)}
    evidence: [${yq(`E ${s}`)}]
    questions:
      - id: ${id}.q
        text: ${yq(`Q ${s}`)}
        choices:
          - { value: "no", label: ${yq(`L ${s}`)}, score: 0 }
          - { value: "yes", label: "yes", score: 1 }
`;
  writeFileSync(join(dir, 'controls', 'a.yaml'), `controls:\n${control('X-01', 'CC1.1')}`);
  writeFileSync(
    join(dir, 'soc2-ready.yaml'),
    `organization: ${yq(s)}\ncontrols: controls\nexclusions:\n  - criterion: CC6.4\n    reason: ${yq(`X ${s}`)}\n`,
  );
  writeFileSync(
    join(dir, 'a.yaml'),
    `version: 1\norganization: ${yq(`Org ${s}`)}\nscope: [security]\ncontrols: controls\nanswers:\n  X-01.q: {value: "no", note: ${yq(`N ${s}`)}}\n  ${yq(`STALE.${s}`)}: {value: "yes"}\n`,
  );
  // The same text in a criterion id (check reports it) and a bad answer key (a content error).
  mkdirSync(join(dir, 'bad'));
  writeFileSync(join(dir, 'bad', 'b.yaml'), `controls:\n${control('X-02', yq(`CC9.9${s}`))}`);
  writeFileSync(
    join(dir, 'bad.yaml'),
    `version: 1\nscope: [security]\nanswers:\n  ${yq(`X-01.q${s}`)}: {value: 7}\n${yq(`zz${s}`)}: 1\n`,
  );
  return dir;
}

const GITHUB = { GITHUB_ACTIONS: 'true', NO_COLOR: '1', SOURCE_DATE_EPOCH: '1795000000' };

async function capture(dir: string, run: (io: FakeIo) => Promise<number>): Promise<{ out: string; err: string }> {
  const io = fakeIo(dir, GITHUB);
  try {
    await run(io);
  } catch (cause) {
    reportFailure(cause, io);
  }
  return { out: io.out(), err: io.err() };
}

/** Raw control characters (newline allowed between lines) or a line that would start a workflow command. */
function expectInert(text: string, where: string): void {
  // HTML text may hold tab, CR and U+2028/9 (plain white space there); nothing else may reach any output raw.
  const allowed = where.startsWith('html') ? /[\t\r\u2028\u2029]/g : /$^/g;
  const raw = text.replace(allowed, '').match(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/)?.[0];
  expect([where, raw]).toEqual([where, undefined]);
  const forged = text
    .split('\n')
    .filter((line) => /^\s*(::|##\[)/.test(line) && !/^::(error|warning|notice) /.test(line));
  expect([where, forged]).toEqual([where, []]);
}

/** Our own annotations: one per line, their data escaped (no raw CR/LF can end them early). */
function annotationCount(err: string): number {
  return err.split('\n').filter((line) => line.startsWith('::')).length;
}

describe('no control character and no forged workflow command reaches any text output', () => {
  test('property over check, report (text, md, html), diff and a content error', async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, async (s) => {
        const dir = hostileProject(s);
        const check = await capture(dir, (io) => runCheck({ controls: 'controls', format: [], output: [] }, io));
        const bad = await capture(dir, (io) => runCheck({ controls: 'bad', format: [], output: [] }, io));
        const reports = await Promise.all(
          ['text', 'md', 'html'].map((f) =>
            capture(dir, (io) => runReport({ answers: 'a.yaml', format: [f], output: [] }, io)),
          ),
        );
        const diff = await capture(dir, (io) => runDiff({ format: ['md'], output: [] }, 'a.yaml', 'a.yaml', io));
        const invalid = await capture(dir, (io) => runReport({ answers: 'bad.yaml', format: ['md'], output: [] }, io));
        for (const [where, r] of Object.entries({
          check,
          bad,
          diff,
          invalid,
          text: reports[0]!,
          md: reports[1]!,
          html: reports[2]!,
        })) {
          expectInert(r.out, `${where} stdout`);
          expectInert(r.err, `${where} stderr`);
        }
        // The content error adds its own escaped annotations, one per diagnostic, and no more lines.
        expect(annotationCount(invalid.err)).toBeLessThanOrEqual(10);
        expect(invalid.out).toBe('');
      }),
      { numRuns: 12 },
    );
  });
});

describe('the review reproductions', () => {
  test('M1/M4: a criterion with OSC, CSI and forged ::error/::stop-commands lines stays on one visible line', async () => {
    const dir = join(root, 'm4');
    mkdirSync(join(dir, 'ctl'), { recursive: true });
    writeFileSync(
      join(dir, 'ctl', 'a.yaml'),
      'controls:\n  - id: X-01\n    title: x\n    criteria: ["CC1.1\\e]0;pwned\\a\\e[2J\\n::error file=README.md,line=1,title=FORGED::F\\n::stop-commands::deadbeef"]\n',
    );
    const r = await capture(dir, (io) => runCheck({ controls: 'ctl', format: [], output: [] }, io));
    expect(r.out).toContain(
      'ctl/a.yaml:4:16  error  unknown-criterion  Control "X-01" maps to "CC1.1\\e]0;pwned\\a\\e[2J⏎::error file=README.md,line=1,title=FORGED::F⏎::stop-commands::deadbeef", which is not a TSC 2017 criterion.',
    );
    expectInert(r.out, 'check');
  });

  test('M6: stale keys and exclusions in the Markdown report are escaped; report rejects unknown exclusions (L21)', async () => {
    const dir = join(root, 'm6');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'a.yaml'),
      'version: 1\nscope: [security]\nanswers:\n  "STALE.x`<img src=x onerror=alert(1)>`":\n    value: "yes"\n',
    );
    const md = await capture(dir, (io) => runReport({ answers: 'a.yaml', format: ['md'], output: [] }, io));
    expect(md.out).toContain('(not scored): STALE.x\\`&lt;img src=x onerror=alert(1)&gt;\\`.');
    writeFileSync(
      join(dir, 'soc2-ready.yaml'),
      'exclusions: [{criterion: "CC6.4<img src=x onerror=alert(1)>", reason: r}]\n',
    );
    const io = fakeIo(dir, GITHUB);
    let code: number;
    try {
      code = await runReport({ answers: 'a.yaml', format: ['md'], output: [] }, io);
    } catch (cause) {
      code = reportFailure(cause, io);
    }
    expect([code, io.out()]).toEqual([1, '']);
    expect(io.err()).toContain(
      'soc2-ready.yaml:1:26  error  unknown-criterion  Exclusion names "CC6.4<img src=x onerror=alert(1)>", which is not a TSC 2017 criterion.',
    );
    expect(io.err()).toContain(
      'soc2-ready: The controls or the config break the rules `soc2-ready check` applies; fix them first.\n',
    );
  });
});
