import { afterEach, describe, expect, test } from '@jest/globals';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, runCli } from '../helpers/run-cli.js';

const dirs: string[] = [];
/** A private copy of an example organization. */
function copyExample(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'soc2-report-'));
  dirs.push(dir);
  cpSync(join(repoRoot, 'examples', name), dir, { recursive: true });
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('report --template-dir (branding without touching the package)', () => {
  test('a brand partial and colours override the built-in ones; everything else stays', () => {
    const dir = copyExample('mature-saas');
    mkdirSync(join(dir, 'branding', 'partials'), { recursive: true });
    writeFileSync(
      join(dir, 'branding', 'partials', 'brand.hbs'),
      '<header class="brand"><h1>Prepared for {{organization}} by Example Advisory LLP</h1></header>\n',
    );
    writeFileSync(join(dir, 'branding', 'report.md.hbs'), '# {{organization}} readiness: {{overall.percentLabel}}\n');
    const html = runCli(['report', '--format', 'html', '--template-dir', 'branding'], { cwd: dir });
    expect(html.status).toBe(0);
    expect(html.stdout).toContain('<h1>Prepared for Northwind Analytics by Example Advisory LLP</h1>');
    expect(html.stdout).toContain('<section id="gaps"');
    const md = runCli(['report', '--format', 'md', '--template-dir', 'branding'], { cwd: dir });
    expect(md.stdout).toBe('# Northwind Analytics readiness: 84%\n');
  });

  test('a broken custom template is a clear error naming the file and line, exit 1', () => {
    const dir = copyExample('mature-saas');
    mkdirSync(join(dir, 'branding'));
    writeFileSync(
      join(dir, 'branding', 'report.md.hbs'),
      '# {{organization}}\n\n{{#each gaps}}\n- {{title}}\n{{/each\n',
    );
    const r = runCli(['report', '--format', 'md', '--template-dir', 'branding'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toMatch(
      /^branding\/report\.md\.hbs:5 {2}error {2}template {2}Template "report\.md\.hbs" has a syntax error: .+ Check the \{\{…\}\} tags near that line\.$/,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('a custom template cannot reach prototypes or constructors', () => {
    const dir = copyExample('mature-saas');
    mkdirSync(join(dir, 'branding'));
    writeFileSync(
      join(dir, 'branding', 'report.md.hbs'),
      '[{{constructor.name}}][{{__proto__}}][{{organization.constructor}}][{{lookup this "constructor"}}][{{#with categories}}{{this.constructor.name}}{{/with}}][{{organization}}]\n',
    );
    const r = runCli(['report', '--format', 'md', '--template-dir', 'branding'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('[][][][][][Northwind Analytics]\n');
  });

  test('a missing template folder is a usage error, exit 2', () => {
    const r = runCli(['report', '--format', 'html', '--template-dir', 'nope'], { cwd: copyExample('mature-saas') });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('soc2-ready: Template folder "nope" does not exist.');
  });

  test('-o never leaves an existing report half-written: a failed render keeps the old file', () => {
    const dir = copyExample('mature-saas');
    writeFileSync(join(dir, 'out.md'), 'previous report\n');
    mkdirSync(join(dir, 'branding'));
    writeFileSync(join(dir, 'branding', 'report.md.hbs'), '{{#if}}\n');
    const r = runCli(['report', '--template-dir', 'branding', '-o', 'out.md'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(readFileSync(join(dir, 'out.md'), 'utf8')).toBe('previous report\n');
  });
});

describe('report on answers that do not match the controls', () => {
  test('stale answers are kept, listed, not scored; an unknown value is listed as invalid', () => {
    const dir = copyExample('early-stage-saas');
    const path = join(dir, 'answers.yaml');
    const before = readFileSync(path, 'utf8');
    writeFileSync(
      path,
      before
        .replace(
          'answers:\n',
          'answers:\n  GONE-01.old:\n    value: "yes"\n  GOV-01.code:\n    value: carved-in-stone\n',
        )
        .replace(/\n {2}GOV-01\.code:\n {4}value: [^\n]+\n {4}at: [^\n]+/, ''),
    );
    const json = JSON.parse(runCli(['report', '--format', 'json'], { cwd: dir }).stdout);
    expect(json.staleAnswers).toEqual(['GONE-01.old']);
    expect(json.invalidAnswers.map((q: { question: string; value: string }) => [q.question, q.value])).toEqual([
      ['GOV-01.code', 'carved-in-stone'],
    ]);
    const md = runCli(['report', '--format', 'md'], { cwd: dir }).stdout;
    expect(md).toContain('Answers kept for questions that no longer exist in the controls (not scored): GONE-01.old.');
    expect(md).toContain(
      '| Do you have a written code of conduct that applies to employees and contractors? | GOV-01 Written code of conduct with a way to raise concerns | carved-in-stone |',
    );
    const text = runCli(['report', '--format', 'text'], { cwd: dir }).stdout;
    expect(text).toContain(
      '1 answer no longer fit their question (counted as not ready; `soc2-ready assess` asks them again):\n  GOV-01.code: "carved-in-stone" is not one of its choices\n',
    );
  });

  test('an invalid answers file is reported with file:line and exit 1; a missing one exits 2', () => {
    const dir = copyExample('early-stage-saas');
    writeFileSync(join(dir, 'answers.yaml'), 'version: 1\nscope: [security, privcy]\nanswers: {}\n');
    const r = runCli(['report'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(
      'answers.yaml:2:19  error  schema  Entry 2 of "scope" must be one of security, availability, confidentiality, processing-integrity, privacy (got "privcy").',
    );
    const missing = runCli(['report', '--answers', 'nope.yaml'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('soc2-ready: Answers file "nope.yaml" does not exist.');
  });
});

describe('diff (spawned)', () => {
  test('reports the regression in Markdown and fails with --fail-on-regression', () => {
    const dir = copyExample('mature-saas');
    const answers = readFileSync(join(dir, 'answers.yaml'), 'utf8');
    const worse = answers.replace(/( {2}CHG-02\.enforcement:\n {4}value: )[^\n]+/, '$1none');
    expect(worse).not.toBe(answers);
    writeFileSync(join(dir, 'worse.yaml'), worse);
    const r = runCli(['diff', 'answers.yaml', 'worse.yaml', '--fail-on-regression'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout.split('\n')[0]).toBe('## SOC 2 readiness: 84% → 84% (±0 pts)');
    // Branch protection on some repositories only (gate 0.5) already holds CC8.1 below ready.
    expect(r.stdout).toContain('- **CC8.1** (Security): Partial 78% → Gap 73% (-5 pts)\n');
    expect(runCli(['diff', 'answers.yaml', 'answers.yaml', '--fail-on-regression'], { cwd: dir }).status).toBe(0);
    const json = JSON.parse(runCli(['diff', 'answers.yaml', 'worse.yaml', '--format', 'json'], { cwd: dir }).stdout);
    expect(json.regression).toBe(true);
    expect(json.regressed.map((c: { id: string }) => c.id)).toContain('CC8.1');
  });
});
