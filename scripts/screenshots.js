#!/usr/bin/env node
// Screenshots of every example's HTML report for the README: examples/<name>/report.png, the first
// 1800px of the page at 1100px wide. Uses Debian's Chromium through playwright-core (no browser is
// downloaded; .ci/run installs chromium). Run after the reports exist: node scripts/screenshots.js
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WIDTH = 1100;
const HEIGHT = 1800;
const root = fileURLToPath(new URL('../examples/', import.meta.url));

if (!existsSync(CHROMIUM)) {
  process.stderr.write(
    `screenshots: Chromium not found at ${CHROMIUM}. Install it (apt-get install chromium; .ci/run does) or set CHROMIUM_PATH.\n`,
  );
  process.exit(1);
}

const names = readdirSync(root)
  .filter((name) => existsSync(join(root, name, 'report.html')))
  .sort();
if (names.length === 0) {
  process.stderr.write('screenshots: no examples/*/report.html found; run `npm run examples` first.\n');
  process.exit(1);
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  // The viewport is the clip: the first 1800px of the page, not the (very long) full page.
  const context = await browser.newContext({
    viewport: { width: WIDTH, height: HEIGHT },
    deviceScaleFactor: 1,
    colorScheme: 'light',
    reducedMotion: 'reduce',
  });
  for (const name of names) {
    const page = await context.newPage();
    /** @type {string[]} */
    const errors = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(pathToFileURL(join(root, name, 'report.html')).href, { waitUntil: 'load' });
    const out = join(root, name, 'report.png');
    await page.screenshot({ path: out, clip: { x: 0, y: 0, width: WIDTH, height: HEIGHT }, animations: 'disabled' });
    await page.close();
    if (errors.length > 0) {
      process.stderr.write(`${name}: console errors:\n  ${errors.join('\n  ')}\n`);
      process.exitCode = 1;
    }
    process.stdout.write(`${name}: report.png (${WIDTH}×${HEIGHT})\n`);
  }
} finally {
  await browser.close();
}
