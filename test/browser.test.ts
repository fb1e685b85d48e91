// How the HTML tests find a browser (test/helpers/browser.ts): the failure message when none starts.
import { expect, test } from '@jest/globals';
import { launchChromium } from './helpers/browser.js';

test('a CHROMIUM_PATH that does not exist is the only candidate and fails with one clear message', async () => {
  await expect(launchChromium({ CHROMIUM_PATH: '/nonexistent/chromium', PATH: '/usr/bin' })).rejects.toThrow(
    'No Chromium starts for the HTML report tests. Tried CHROMIUM_PATH (/nonexistent/chromium): /nonexistent/chromium does not exist. ' +
      'Run `npm ci` (it installs @sparticuz/chromium), install chromium, or set CHROMIUM_PATH to a Chromium binary.',
  );
});

test('a CHROMIUM_PATH that is not a browser fails with the launch error', async () => {
  await expect(launchChromium({ CHROMIUM_PATH: '/bin/true' })).rejects.toThrow(
    /^No Chromium starts for the HTML report tests\. Tried CHROMIUM_PATH \(\/bin\/true\): .+\. Run `npm ci`/,
  );
});
