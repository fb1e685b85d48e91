/**
 * The HTML report: valid, self-contained, and correct in a real browser (headless Chromium via
 * playwright-core, found by test/helpers/browser.ts; no browser is ever downloaded): rows, charts, a multi-page A4 PDF, no console
 * errors, and answers containing HTML stay text.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HtmlValidate } from 'html-validate';
import type { Browser, Page } from 'playwright-core';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { launchChromium } from '../helpers/browser.js';
import { repoRoot, runCli } from '../helpers/run-cli.js';

const AICPA_URL =
  'https://www.aicpa-cima.com/resources/download/2017-trust-services-criteria-with-revised-points-of-focus-2022';

const examplesDir = join(repoRoot, 'examples');
const exampleNames = readdirSync(examplesDir)
  .filter((name) => existsSync(join(examplesDir, name, 'answers.yaml')))
  .sort();
const EXAMPLES_EPOCH = /export const EXAMPLES_EPOCH = '(\d+)'/.exec(
  readFileSync(join(repoRoot, 'scripts/build-examples.js'), 'utf8'),
)![1]!;

/**
 * html-validate's recommended preset with nothing disabled: the report has no deliberate exception.
 * `root: true` so no .htmlvalidate.json elsewhere on disk can change the rules.
 */
const validator = new HtmlValidate({ root: true, extends: ['html-validate:recommended'] });

/**
 * For reports of arbitrary user data only: `long-title` (70 characters, an SEO guideline) is off because
 * the title is deliberately "SOC 2 readiness assessment: <organization>" and the name is the user's.
 */
const userDataValidator = new HtmlValidate({
  root: true,
  extends: ['html-validate:recommended'],
  rules: { 'long-title': 'off' },
});

async function validationMessages(html: string, file: string, v = validator): Promise<string[]> {
  const report = await v.validateString(html, file);
  return report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`));
}

interface ReportJson {
  organization: string;
  categories: { id: string; name: string; inScope: boolean; score: number | null }[];
  criteria: { id: string; series: string; inScope: boolean; status: string }[];
}
const readJson = (name: string) =>
  JSON.parse(readFileSync(join(examplesDir, name, 'report.json'), 'utf8')) as ReportJson;

/** Every URL-bearing attribute in the markup, with its element. */
function urlAttributes(html: string): { tag: string; attr: string; value: string }[] {
  const out: { tag: string; attr: string; value: string }[] = [];
  for (const tag of html.matchAll(/<([a-zA-Z][\w:-]*)(\s[^>]*)?>/g)) {
    for (const a of (tag[2] ?? '').matchAll(/\s([\w:-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/g)) {
      const attr = a[1]!.toLowerCase();
      if (
        [
          'src',
          'href',
          'srcset',
          'xlink:href',
          'action',
          'formaction',
          'poster',
          'data',
          'background',
          'manifest',
          'ping',
        ].includes(attr)
      ) {
        out.push({ tag: tag[1]!.toLowerCase(), attr, value: a[2]!.replace(/^["']|["']$/g, '') });
      }
    }
  }
  return out;
}

/** Pages in a PDF: `/Type /Page` objects, not the `/Type /Pages` tree nodes. */
const pdfPageCount = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []).length;

let browser: Browser | undefined;
let launchError: Error | undefined;

beforeAll(async () => {
  try {
    const launched = await launchChromium();
    browser = launched.browser;
    process.stderr.write(`HTML report tests run in ${launched.source}.\n`);
  } catch (cause) {
    launchError = cause as Error;
  }
}, 120000);

afterAll(async () => {
  await browser?.close();
});

interface Opened {
  page: Page;
  consoleErrors: string[];
  requests: string[];
  dialogs: string[];
}

/** Opens a report file in a fresh context and records console errors, network requests and dialogs. */
async function open(file: string): Promise<Opened> {
  if (browser === undefined) throw launchError ?? new Error('Chromium did not start.');
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, javaScriptEnabled: true });
  const page = await context.newPage();
  const opened: Opened = { page, consoleErrors: [], requests: [], dialogs: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') opened.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => opened.consoleErrors.push(String(e)));
  page.on('request', (r) => opened.requests.push(r.url()));
  page.on('dialog', (d) => {
    opened.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return opened;
}

test('a Chromium starts (CHROMIUM_PATH, the system chromium or @sparticuz/chromium)', () => {
  expect(launchError?.message).toBeUndefined();
  expect(browser?.isConnected()).toBe(true);
});

test('at least three examples have an HTML report', () => {
  expect(exampleNames.length).toBeGreaterThanOrEqual(3);
});

describe.each(exampleNames)('examples/%s/report.html', (name) => {
  const file = join(examplesDir, name, 'report.html');
  const html = readFileSync(file, 'utf8');
  const json = readJson(name);
  const inScopeCategories = json.categories.filter((c) => c.inScope);

  test('passes html-validate (recommended)', async () => {
    expect(await validationMessages(html, file)).toEqual([]);
  });

  test('is self-contained: no scripts, stylesheets, images or external loads; one external link, to the AICPA', () => {
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<(img|iframe|object|embed|video|audio|source|picture|base|form)\b/i);
    expect(html).not.toMatch(/url\s*\(|@import/i);
    const attributes = urlAttributes(html);
    expect(attributes.filter((a) => a.attr !== 'href' || a.tag !== 'a')).toEqual([]);
    expect(attributes.filter((a) => /^(https?:)?\/\//i.test(a.value))).toEqual([
      { tag: 'a', attr: 'href', value: AICPA_URL },
    ]);
    expect(html.match(/https?:\/\//g)).toHaveLength(2); // that link's href and its visible text
  });

  test('in Chromium: title, 61 criterion rows, both charts, multi-page A4 PDF, no console errors, no requests', async () => {
    const { page, consoleErrors, requests, dialogs } = await open(file);
    try {
      expect(await page.title()).toBe(`SOC 2 readiness assessment: ${json.organization}`);
      expect(await page.locator('h1').textContent()).toBe(json.organization);
      expect(await page.locator('tr.criterion').count()).toBe(61);
      expect(
        await page.locator('tr.criterion').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-criterion'))),
      ).toEqual(json.criteria.map((c) => c.id));
      expect(await page.locator('tr.criterion.out').count()).toBe(json.criteria.filter((c) => !c.inScope).length);

      expect(await page.locator('svg.chart-categories').count()).toBe(1);
      expect(await page.locator('svg.chart-series').count()).toBe(1);
      // One bar per in-scope category, its width the floored percentage of the 400px plot.
      const bars = page.locator('svg.chart-categories rect');
      expect(await bars.count()).toBe(inScopeCategories.length);
      expect(
        await bars.evaluateAll((rects) =>
          rects.map((r) => [r.querySelector('title')?.textContent, Number(r.getAttribute('width'))]),
        ),
      ).toEqual(inScopeCategories.map((c) => [`${c.name}: ${c.score}%`, Math.round(((c.score ?? 0) / 100) * 400)]));
      // One stacked bar per in-scope series, one segment per status present in it.
      const inScope = json.criteria.filter((c) => c.inScope);
      const series = [...new Set(inScope.map((c) => c.series))];
      const segments = series.reduce(
        (n, s) => n + new Set(inScope.filter((c) => c.series === s).map((c) => c.status)).size,
        0,
      );
      expect(await page.locator('svg.chart-series rect').count()).toBe(segments);
      expect(
        new Set(
          await page.locator('svg.chart-series rect').evaluateAll((rects) => rects.map((r) => r.getAttribute('y'))),
        ).size,
      ).toBe(series.length);
      const box = await page.locator('svg.chart-categories').boundingBox();
      expect(box).toMatchObject({ width: 640 });

      // Nothing overflows the 1100px viewport horizontally.
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1100);

      const pdf = await page.pdf({ format: 'A4' });
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdfPageCount(pdf)).toBeGreaterThan(1);

      expect(consoleErrors).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(requests).toEqual([pathToFileURL(file).href]);
    } finally {
      await page.context().close();
    }
  }, 60000);
});

describe('answers containing HTML and script (spawned CLI on a copy of mature-saas, opened in Chromium)', () => {
  const PAYLOAD = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">"><svg onload=window.__xss=3>';
  const ORGANIZATION = `Evil Corp ${PAYLOAD}`;
  const NOTE = `note ${PAYLOAD}`;
  const REASON = `reason ${PAYLOAD}`;
  let dir: string;
  let file: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'soc2-html-xss-'));
    for (const f of ['soc2-ready.yaml', 'answers.yaml'])
      copyFileSync(join(examplesDir, 'mature-saas', f), join(dir, f));
    const doc = parseYaml(readFileSync(join(dir, 'answers.yaml'), 'utf8')) as {
      organization: string;
      answers: Record<string, { value: string; note?: string; reason?: string }>;
    };
    doc.organization = ORGANIZATION;
    expect(doc.answers['BCP-05.test']!.value).toBe('not-sure');
    doc.answers['BCP-05.test']!.note = NOTE;
    expect(doc.answers['PHY-02.log']!.value).toBe('not-applicable');
    doc.answers['PHY-02.log']!.reason = REASON;
    writeFileSync(join(dir, 'answers.yaml'), stringifyYaml(doc));
    const run = runCli(['report', '-o', 'report.html'], { cwd: dir, env: { SOURCE_DATE_EPOCH: EXAMPLES_EPOCH } });
    expect(run.stderr).toBe('Wrote html report to report.html\n');
    expect(run.status).toBe(0);
    file = join(dir, 'report.html');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the markup escapes every payload and still validates', async () => {
    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/<script|<img|<svg onload|onerror=/i);
    expect(html).toContain(
      '&lt;script&gt;window.__xss&#x3D;1&lt;/script&gt;&lt;img src&#x3D;x onerror&#x3D;&quot;window.__xss&#x3D;2&quot;&gt;&quot;&gt;&lt;svg onload&#x3D;window.__xss&#x3D;3&gt;',
    );
    expect(await validationMessages(html, file, userDataValidator)).toEqual([]);
  });

  test('in Chromium: no dialog, window.__xss undefined, no extra element or request; the text appears literally', async () => {
    const { page, consoleErrors, requests, dialogs } = await open(file);
    try {
      expect(dialogs).toEqual([]);
      expect(await page.evaluate('typeof window.__xss')).toBe('undefined');
      expect(await page.locator('script, img, iframe, object, embed').count()).toBe(0);
      expect(await page.locator('svg').count()).toBe(3); // categories, series, audit timeline
      expect(await page.locator('[onload], [onerror]').count()).toBe(0);
      expect(requests).toEqual([pathToFileURL(file).href]);
      expect(consoleErrors).toEqual([]);

      expect(await page.title()).toBe(`SOC 2 readiness assessment: ${ORGANIZATION}`);
      expect(await page.locator('h1').textContent()).toBe(ORGANIZATION);
      expect(await page.locator('footer').textContent()).toContain(ORGANIZATION);
      const cell = (section: string, control: string, column: number) =>
        page
          .locator(`#unknowns h3:has-text("${section}") + table tr`, { hasText: control })
          .locator('td')
          .nth(column)
          .textContent();
      expect(await cell('Not sure', 'BCP-05', 2)).toBe(NOTE);
      expect(await cell('Not applicable', 'PHY-02', 2)).toBe(REASON);
      const text = (await page.locator('body').textContent()) ?? '';
      for (const literal of [ORGANIZATION, NOTE, REASON, PAYLOAD]) expect(text).toContain(literal);
      expect(text.split(PAYLOAD).length - 1).toBeGreaterThanOrEqual(6); // h1, disclaimer, footer, the note twice (table, gap card), the reason
    } finally {
      await page.context().close();
    }
  }, 60000);
});
