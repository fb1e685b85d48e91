// The CI examples in examples/ci/ must only call soc2-ready the way the built CLI accepts.
import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot, runCli } from './helpers/run-cli.js';
import { checkOutputFormats, diffOutputFormats, reportOutputFormats, verifyOutputFormats } from '../src/cli/formats.js';
import { resolveOutputs, type OutputFlag } from '../src/cli/outputs.js';
import type { Formats } from '../src/formats/registry.js';

const COMMANDS = ['check', 'report', 'verify', 'diff', 'assess', 'criteria', 'init'];

const FORMATS: Record<string, Formats<never>> = {
  check: checkOutputFormats,
  report: reportOutputFormats,
  diff: diffOutputFormats,
  verify: verifyOutputFormats,
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- parsed CI YAML of arbitrary shape
const load = (name: string) => parse(readFileSync(join(repoRoot, 'examples/ci', name), 'utf8')) as Record<string, any>;
const github = load('github-actions.yml');
const gitlab = load('gitlab-ci.yml');

interface Invocation {
  command: string;
  args: string[];
}

/** Every `soc2-ready <command> …` in a shell script, up to the next shell operator. */
function invocations(script: string): Invocation[] {
  const words = script
    .replace(/\\\n/g, ' ')
    .replace(/(\|\||&&|[;|\n])/g, ' ; ')
    .split(/\s+/)
    .map((w) => w.replace(/^["']|["']$/g, ''));
  const found: Invocation[] = [];
  words.forEach((word, i) => {
    if (word !== 'soc2-ready') return;
    const end = words.indexOf(';', i);
    const [command = '', ...args] = words.slice(i + 1, end === -1 ? undefined : end);
    found.push({ command, args });
  });
  return found;
}

/** Option names (short and long) from a command's --help. */
function helpFlags(command: string): string[] {
  const r = runCli([command, '--help']);
  expect(r.status).toBe(0);
  const options = r.stdout.slice(r.stdout.indexOf('Options:'));
  return [...options.matchAll(/^ {2}(?:(-\w), )?(--[a-z][\w-]*)/gm)].flatMap((m) => (m[1] ? [m[1], m[2]!] : [m[2]!]));
}

const flagCache = new Map<string, string[]>();
const flagsOf = (command: string) => {
  if (!flagCache.has(command)) flagCache.set(command, helpFlags(command));
  return flagCache.get(command)!;
};

/** [format, file] of every -o, paired exactly as the CLI pairs them (resolveOutputs, command-line order). */
function pairs(command: string, args: string[], fallback: string): [string, string][] {
  const flags: OutputFlag[] = args.flatMap((a, i): OutputFlag[] =>
    ['-f', '--format'].includes(a)
      ? [{ kind: 'format', value: args[i + 1]! }]
      : ['-o', '--output'].includes(a)
        ? [{ kind: 'output', value: args[i + 1]! }]
        : [],
  );
  return resolveOutputs(flags, FORMATS[command]!, fallback, '/')
    .filter((o) => o.path !== undefined)
    .map((o) => [o.format, o.path!.slice(1)]);
}

const githubScripts = (): string[] =>
  Object.values(github.jobs as Record<string, { steps: { run?: string }[] }>).flatMap((job) =>
    job.steps.flatMap((s) => (s.run ? [s.run] : [])),
  );
const gitlabScripts = (): string[] =>
  Object.values(gitlab as Record<string, Record<string, unknown>>)
    .filter((job) => typeof job === 'object' && job !== null)
    .flatMap((job) =>
      ['before_script', 'script', 'after_script'].flatMap((key) =>
        Array.isArray(job[key]) ? (job[key] as string[]) : [],
      ),
    );

describe('examples/ci/github-actions.yml', () => {
  const job = github.jobs?.['soc2-readiness'];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- steps of arbitrary shape
  const steps: Record<string, any>[] = job?.steps ?? [];
  const uses = (prefix: string) => steps.find((s) => typeof s.uses === 'string' && s.uses.startsWith(prefix));

  test('runs on push and pull_request, one job on ubuntu-latest with Node 20', () => {
    expect(Object.keys(github.on)).toEqual(['push', 'pull_request']);
    expect(job['runs-on']).toBe('ubuntu-latest');
    expect(job.permissions['security-events']).toBe('write');
    expect(uses('actions/checkout@')).toBeDefined();
    expect(uses('actions/setup-node@')!.with['node-version']).toBe(20);
  });

  test('installs from git, uploads SARIF and the reports, comments the diff on pull requests', () => {
    expect(steps.some((s) => s.run === 'npm install --no-save github:YOUR-ORG/soc2-ready')).toBe(true);
    expect(uses('github/codeql-action/upload-sarif@')!.with.sarif_file).toBe('soc2-check.sarif');
    expect(uses('actions/upload-artifact@')!.with.path.split('\n')).toEqual(
      expect.arrayContaining(['soc2-readiness.html', 'soc2-readiness.xml', 'soc2-evidence.xml']),
    );
    const diff = steps.find((s) => s.id === 'diff')!;
    expect(diff.if).toContain("github.event_name == 'pull_request'");
    expect(diff.run).toContain('git show "origin/$BASE_REF:compliance/soc2-answers.yaml" > /tmp/base-answers.yaml');
    expect(diff.env.BASE_REF).toBe('${{ github.base_ref }}');
    expect(uses('marocchino/sticky-pull-request-comment@')!.with.path).toBe('soc2-diff.md');
    expect(steps.at(-1)!.if).toBe("${{ steps.diff.outcome == 'failure' }}");
  });
});

describe('examples/ci/gitlab-ci.yml', () => {
  test('a readiness job with JUnit reports and a merge-request diff job', () => {
    const job = gitlab['soc2-readiness'];
    expect(gitlab['.soc2-ready'].image).toBe('node:20');
    expect(job.extends).toBe('.soc2-ready');
    expect(job.artifacts.when).toBe('always');
    expect(job.artifacts.reports.junit).toEqual(['soc2-check.xml', 'soc2-readiness.xml', 'soc2-evidence.xml']);
    const diff = gitlab['soc2-readiness-diff'];
    expect(diff.rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }]);
    expect(diff.script.join('\n')).toContain('merge_requests/$CI_MERGE_REQUEST_IID/notes');
  });
});

describe.each([
  ['github-actions.yml', githubScripts],
  ['gitlab-ci.yml', gitlabScripts],
])('soc2-ready invocations in %s', (_name, scripts) => {
  const calls = scripts().flatMap(invocations);

  test('call check, report, verify and diff', () => {
    expect(calls.map((c) => c.command)).toEqual(['check', 'report', 'verify', 'diff']);
  });

  test('use only real commands and flags (from `<command> --help`)', () => {
    for (const call of calls) {
      expect(COMMANDS).toContain(call.command);
      const known = flagsOf(call.command);
      const flags = call.args.filter((a) => a.startsWith('-')).map((a) => a.replace(/=.*$/, ''));
      expect({ command: call.command, unknown: flags.filter((f) => !known.includes(f)) }).toEqual({
        command: call.command,
        unknown: [],
      });
    }
  });

  test('every --format pairs with an -o of the same kind of file', () => {
    for (const call of calls) {
      for (const [format, file] of pairs(call.command, call.args, 'md'))
        expect([call.command, format, FORMATS[call.command]![format]!.extensions]).toEqual([
          call.command,
          format,
          expect.arrayContaining([extname(file)]),
        ]);
    }
  });
});

test('invocations() finds commands after npx and stops at shell operators', () => {
  expect(
    invocations(
      'npx --no -- soc2-ready diff a b --fail-on-regression || status=$?\nsoc2-ready check -o x.xml; echo soc2-ready.yaml',
    ),
  ).toEqual([
    { command: 'diff', args: ['a', 'b', '--fail-on-regression'] },
    { command: 'check', args: ['-o', 'x.xml'] },
  ]);
});
