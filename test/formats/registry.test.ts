/**
 * Every format of every command's registry renders a small example: the list of formats is pinned
 * here, so a new format fails this test until it has a check of its own below.
 */
import { describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import {
  checkOutputFormats,
  diffOutputFormats,
  evidenceOutputFormats,
  reportOutputFormats,
  verifyOutputFormats,
} from '../../src/cli/formats.js';
import { error } from '../../src/diagnostics.js';
import { reportMetaOf } from '../../src/report/meta.js';
import { toolInfo } from '../../src/cli/version.js';
import { diffReports } from '../../src/diff/compare.js';
import type { CheckInput, ReportInput, VerifyInput } from '../../src/formats/registry.js';
import { checkProject } from '../../src/project/check.js';
import { readBuiltinCatalog } from '../../src/project/load.js';
import { assessWorkspace, loadWorkspace } from '../../src/project/workspace.js';
import { toReportJson } from '../../src/report/json.js';
import { repoRoot } from '../helpers/run-cli.js';
import { auditReadiness } from '../../src/engagement/audit.js';
import { evidenceHeader } from '../../src/evidence/header.js';
import { evidenceRequests } from '../../src/evidence/requests.js';

const NOW = '2026-11-22T10:00:00.000Z';
const example = join(repoRoot, 'examples', 'mature-saas');

async function reportInput(): Promise<ReportInput> {
  const ws = loadWorkspace({ cwd: example, now: NOW, mustExist: true });
  return {
    assessment: assessWorkspace(ws),
    catalog: ws.catalog,
    meta: reportMetaOf(ws, NOW, await toolInfo()),
    doc: ws.doc,
    cwd: example,
    location: { file: ws.answersDisplay },
  };
}

function checkInput(): CheckInput {
  const catalog = readBuiltinCatalog();
  const cwd = join(repoRoot, 'examples', 'inventories', 'broken');
  const { result, location } = checkProject(catalog, { controls: 'controls' }, cwd);
  return { result, catalog, tool: { name: 'soc2-ready', version: '0.0.0' }, generatedAt: NOW, location };
}

const parsed = (doc: string) => JSON.parse(doc) as Record<string, unknown>;

/** What each format's document must show, by format name. */
const looksRight: Record<string, (doc: string) => void> = {
  text: (doc) => expect(doc).toContain('overall readiness'),
  md: (doc) => expect(doc).toMatch(/^# |^## /m),
  html: (doc) => expect(doc).toMatch(/^<!doctype html>/i),
  json: (doc) => expect(parsed(doc)).toHaveProperty('overall.score'),
  junit: (doc) => expect(doc).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /),
  sarif: (doc) => expect(parsed(doc).version).toBe('2.1.0'),
  github: (doc) => expect(doc).toMatch(/^::(error|warning|notice) /m),
  oscal: (doc) => expect(Object.keys(parsed(doc))).toEqual(['assessment-results']),
};

describe('the format registry', () => {
  test('lists exactly these formats per command, in --help order', () => {
    expect(Object.keys(reportOutputFormats)).toEqual([
      'text',
      'md',
      'html',
      'json',
      'junit',
      'sarif',
      'github',
      'oscal',
    ]);
    expect(Object.keys(checkOutputFormats)).toEqual(['text', 'json', 'junit', 'sarif', 'github']);
    expect(Object.keys(diffOutputFormats)).toEqual(['md', 'json']);
    expect(Object.keys(verifyOutputFormats)).toEqual(['text', 'json', 'junit', 'sarif', 'github']);
    expect(Object.keys(evidenceOutputFormats)).toEqual(['md', 'csv', 'json', 'xlsx']);
  });

  test.each(Object.keys(evidenceOutputFormats))('evidence renders %s', async (name) => {
    const ws = loadWorkspace({ cwd: example, now: NOW, mustExist: true });
    const audit = auditReadiness(assessWorkspace(ws), ws.config.engagement, ws.doc.operations, NOW);
    const requests = evidenceRequests(audit);
    const header = evidenceHeader(audit, ws.doc.organization, requests);
    const doc = await evidenceOutputFormats[name]!.render({
      requests,
      header,
      tool: { name: 'soc2-ready', version: '0.0.0' },
      generatedAt: NOW,
    });
    const first = requests[0]!.requestId;
    if (name === 'md') expect(doc).toContain(`| ${first} |`);
    else if (name === 'csv') expect((doc as string).split('\r\n')[1]!.startsWith(`${first},`)).toBe(true);
    else if (name === 'json')
      expect((parsed(doc as string).requests as { requestId: string }[])[0]!.requestId).toBe(first);
    else
      expect(
        Buffer.from(doc as Uint8Array)
          .subarray(0, 4)
          .toString('latin1'),
      ).toBe('PK\u0003\u0004');
  });

  test.each(Object.keys(reportOutputFormats))('report renders %s', async (name) => {
    const doc = await reportOutputFormats[name]!.render({ ...(await reportInput()), colorLevel: 0 });
    looksRight[name]!(doc);
  });

  test.each(Object.keys(checkOutputFormats))('check renders %s', async (name) => {
    const doc = await checkOutputFormats[name]!.render({ ...checkInput(), colorLevel: 0 });
    if (name === 'text') expect(doc).toContain('unknown-criterion');
    else if (name === 'json') expect(parsed(doc).ok).toBe(false);
    else looksRight[name]!(doc);
  });

  test.each(Object.keys(verifyOutputFormats))('verify renders %s', async (name) => {
    const input: VerifyInput = {
      diagnostics: [
        error('evidence-stale', 'Evidence of K-02 (monthly) was last collected 2026-08-15.', {
          file: 'answers.yaml',
          line: 37,
          column: 18,
        }),
      ],
      summary: {
        answersFile: 'answers.yaml',
        asOf: '2026-11-18',
        require: 'key',
        controls: 7,
        references: { file: 1, url: 0, ticket: 2 },
      },
      tool: { name: 'soc2-ready', version: '0.0.0' },
      generatedAt: NOW,
    };
    const doc = await verifyOutputFormats[name]!.render({ ...input, colorLevel: 0 });
    if (name === 'text')
      expect(doc.split('\n')[0]).toBe(
        'answers.yaml:37:18  error  evidence-stale  Evidence of K-02 (monthly) was last collected 2026-08-15.',
      );
    else if (name === 'json') expect(parsed(doc)).toMatchObject({ ok: false, asOf: '2026-11-18', controls: 7 });
    else {
      looksRight[name]!(doc);
      expect(doc).toContain('evidence-stale');
    }
  });

  test.each(Object.keys(diffOutputFormats))('diff renders %s', async (name) => {
    const input = await reportInput();
    const side = toReportJson(input.assessment, input.meta);
    const doc = await diffOutputFormats[name]!.render({ diff: diffReports(side, side) });
    if (name === 'md')
      expect(doc.split('\n')[0]).toBe(`## SOC 2 readiness: ${side.overall.score}% → ${side.overall.score}% (±0 pts)`);
    else expect(parsed(doc).regression).toBe(false);
  });
});
