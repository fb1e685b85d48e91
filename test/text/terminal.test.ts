import { describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import {
  dropUnholdable,
  guardWorkflowCommands,
  hasUnsafeCharacters,
  inert,
  mapStrings,
} from '../../src/text/terminal.js';
import { markdownCell, markdownText } from '../../src/text/markdown.js';
import { hostileString } from '../helpers/hostile.js';

describe('inert', () => {
  test.each([
    ['CC1.1\u001b]0;pwned\u0007\u001b[2J', 'CC1.1\\e]0;pwned\\a\\e[2J'],
    ['half \r\u001b[KOVERWRITTEN', 'half \\r\\e[KOVERWRITTEN'],
    ['a\nb', 'a⏎b'],
    ['tab\there', 'tab\\there'],
    ['\u0001\u0008\u007f\u0085', '\\x01\\b\\x7f\\x85'],
    ['CC1.1\u200b', 'CC1.1\\u200b'],
    ['abc\u202edef', 'abc\\u202edef'],
    ['plain: Ünïcödé — ✔', 'plain: Ünïcödé — ✔'],
  ])('%j is shown as %j', (input, output) => {
    expect(inert(input)).toBe(output);
  });

  test('keepNewlines keeps line feeds only', () => {
    expect(inert('a\nb\r\nc', { keepNewlines: true })).toBe('a\nb\\r\nc');
  });

  test('property: no control character survives', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        expect(hasUnsafeCharacters(inert(s))).toBe(false);
        expect(inert(s)).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
      }),
    );
  });

  test('text without control characters is unchanged', () => {
    fc.assert(fc.property(fc.string(), (s) => hasUnsafeCharacters(s) || inert(s) === s));
  });
});

describe('guardWorkflowCommands', () => {
  test('lines starting with :: or ##[ (after spaces) are defused; others are unchanged', () => {
    expect(guardWorkflowCommands('ok\n::error::x\n  ::stop-commands::t\n##[error]y\na ::b\n')).toBe(
      'ok\n» ::error::x\n  » ::stop-commands::t\n» ##[error]y\na ::b\n',
    );
  });

  test('property: after guarding, no line starts a workflow command', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        for (const line of guardWorkflowCommands(s).split(/\r\n|\r|\n|\u2028|\u2029/))
          expect(line.trimStart()).not.toMatch(/^(::|##\[)/);
      }),
    );
  });
});

describe('dropUnholdable', () => {
  test('drops what HTML and XML cannot hold, keeps tab and newlines', () => {
    expect(dropUnholdable('a\u0000b\u0007c\td\ne\u000bf\u007fg\u0085h\ufffe')).toBe('abc\td\nefgh');
  });
});

describe('mapStrings', () => {
  test('maps every string of plain data, leaves the rest', () => {
    expect(mapStrings({ a: 'x', b: [1, 'y', null, { c: 'z' }], d: true }, (s) => s.toUpperCase())).toEqual({
      a: 'X',
      b: [1, 'Y', null, { c: 'Z' }],
      d: true,
    });
  });
});

describe('markdown policy', () => {
  test.each([
    ['STALE.x`<img src=x onerror=alert(1)>`', 'STALE.x\\`&lt;img src=x onerror=alert(1)&gt;\\`'],
    [
      '[l](javascript:alert(1)) ![i](https://evil.example/p.png)',
      '\\[l\\](javascript:alert(1)) !\\[i\\](https://evil.example/p.png)',
    ],
    ['first\r<b>x</b>| INJECTED-ROW |', 'first &lt;b&gt;x&lt;/b&gt;| INJECTED-ROW |'],
    ['one\n  two\r\nthree', 'one two three'],
    ['back\\slash & \u001b]0;t\u0007', 'back\\\\slash &amp; \\e\\]0;t\\a'],
  ])('markdownText(%j)', (input, output) => {
    expect(markdownText(input)).toBe(output);
  });

  test('cells escape pipes; breaks can be kept as <br>', () => {
    expect(markdownCell('a|b\nc')).toBe('a\\|b c');
    expect(markdownCell('one\ntwo\r\nthree\rfour', { breaks: '<br>' })).toBe('one<br>two<br>three<br>four');
  });

  test('property: no raw HTML, backtick, bracket, line break or control character gets through', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        const cell = markdownCell(s);
        expect(cell).not.toMatch(/[<>\r\n\u0000-\u001f\u007f-\u009f]/);
        expect(cell).not.toMatch(/(^|[^\\])(\\\\)*[`[\]|]/);
      }),
    );
  });
});
