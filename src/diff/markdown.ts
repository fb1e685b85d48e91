/**
 * `diff --format md`: Markdown for a pull-request comment. Passes markdownlint's default rules: lines
 * wrap at 80 columns, tables are "compact", and MD041 (a file's first line is an h1) is switched off
 * in the document itself, because a comment's top heading is deliberately an h2.
 */
import { statusLabel } from '../report/view.js';
import type { Status } from '../scoring.js';
import { inert } from '../text/terminal.js';
import type { CriterionChange, GapEntry, QuestionEntry, ReadinessDiff } from './compare.js';

const WIDTH = 80;
const pct = (n: number | null) => (n === null ? 'n/a' : `${n}%`);
const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `-${-n}` : '±0');
const pts = (n: number | null) => (n === null ? 'n/a' : `${signed(n)} pts`);
const arrow = (n: number | null) => (n === null ? '—' : n > 0 ? `▲ ${pts(n)}` : n < 0 ? `▼ ${pts(n)}` : '= 0');

/** Free text as inline Markdown: one line, markup characters escaped, URLs as autolinks. */
export function inlineText(s: string): string {
  const flat = inert(s.replace(/\s+/g, ' ').trim());
  // A URL ends before trailing punctuation, so "(https://x.example/p.png)" keeps its ")" outside the link.
  return flat
    .split(/(https?:\/\/[^\s<>|]*[^\s<>|.,;:!?)\]'"])/)
    .map((part, i) => (i % 2 === 1 ? `<${part}>` : part.replace(/[\\`*_[\]<>|#~]/g, (c) => `\\${c}`)))
    .join('');
}

/** A table cell: inline text whose pipes and newlines cannot break the row. */
const cell = (s: string) => inlineText(s);

/** A word that starts a continuation line, escaped so Markdown cannot read it as a list item or a heading underline. */
const continuation = (word: string) => (/^[-+=]/.test(word) ? `\\${word}` : word.replace(/^(\d+)([.)])/, '$1\\$2'));

/** Wraps a list item (or, with marker '', a paragraph) at WIDTH columns. */
export function wrapItem(text: string, marker = '- '): string {
  const indent = ' '.repeat(marker.length);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter((w) => w !== '')) {
    if (line === '') line = marker + word;
    else if (line.length + 1 + word.length <= WIDTH) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = indent + continuation(word);
    }
  }
  lines.push(line === '' ? marker.trimEnd() : line);
  return lines.join('\n');
}

function categoryValue(score: number | null, inScope: boolean): string {
  return inScope ? pct(score) : 'out of scope';
}

function categoryTable(diff: ReadinessDiff): string[] {
  const rows = diff.categories.map((c) => {
    const change =
      c.inScopeBefore && c.inScopeAfter
        ? arrow(c.delta)
        : c.inScopeAfter
          ? 'added to scope'
          : c.inScopeBefore
            ? 'removed from scope'
            : '—';
    return `| ${cell(c.name)} | ${categoryValue(c.before, c.inScopeBefore)} | ${categoryValue(c.after, c.inScopeAfter)} | ${change} |`;
  });
  return ['| Category | Before | After | Change |', '| --- | ---: | ---: | --- |', ...rows];
}

const statusScore = (s: { status: Status; score: number | null }) =>
  `${statusLabel(s.status)}${s.score === null ? '' : ` ${s.score}%`}`;
const criterionItem = (names: Map<string, string>) => (c: CriterionChange) =>
  wrapItem(
    `**${inlineText(c.id)}** (${inlineText(names.get(c.category) ?? c.category)}): ${statusScore(c.before)} → ${statusScore(c.after)}${c.delta === null ? '' : ` (${pts(c.delta)})`}`,
  );
const gapItem = (g: GapEntry, prefix: string) =>
  wrapItem(
    `**${inlineText(g.control)}** ${inlineText(g.title)}: ${prefix}${statusScore(g)}, weight ${g.weight}${g.owner ? `, owner ${inlineText(g.owner)}` : ''}`,
  );
const questionItem = (q: QuestionEntry) =>
  wrapItem(`\`${inert(q.question).replace(/`/g, '')}\` (${inlineText(q.control)}): ${inlineText(q.text)}`);

function section(title: string, items: string[]): string[] {
  return items.length === 0 ? [] : [`### ${title} (${items.length})`, '', ...items, ''];
}

function summaryLine(diff: ReadinessDiff): string {
  const parts = [
    `${diff.regressed.length} ${diff.regressed.length === 1 ? 'criterion' : 'criteria'} regressed`,
    `${diff.improved.length} improved`,
    `${diff.newGaps.length} new ${diff.newGaps.length === 1 ? 'gap' : 'gaps'}`,
    `${diff.gapsClosed.length} closed`,
    `${diff.newNotSure.length} new "Not sure"`,
  ];
  return wrapItem(`${parts.join(', ')}.`, '');
}

function scopeItems(diff: ReadinessDiff): string[] {
  const { added, removed, exclusionsAdded, exclusionsRemoved } = diff.scope;
  const item = (label: string, ids: string[]) =>
    ids.length === 0 ? [] : [wrapItem(`${label}: ${ids.map(inlineText).join(', ')}`)];
  return [
    ...item('Added to scope', added),
    ...item('Removed from scope', removed),
    ...item('Newly excluded', exclusionsAdded),
    ...item('No longer excluded', exclusionsRemoved),
  ];
}

export function renderDiffMarkdown(diff: ReadinessDiff): string {
  const { before, after, delta: d } = diff.overall;
  const names = new Map(diff.categories.map((c) => [c.id, c.name]));
  const lines = [
    `## SOC 2 readiness: ${pct(before)} → ${pct(after)} (${pts(d)})`,
    '',
    summaryLine(diff),
    '',
    ...categoryTable(diff),
    '',
    ...section('Regressions', diff.regressed.map(criterionItem(names))),
    ...section(
      'New gaps',
      diff.newGaps.map((g) => gapItem(g, '')),
    ),
    ...section(
      'Closed gaps',
      diff.gapsClosed.map((g) => gapItem(g, 'was ')),
    ),
    ...section('New "Not sure" answers', diff.newNotSure.map(questionItem)),
    ...section('Improvements', diff.improved.map(criterionItem(names))),
    ...section('Resolved "Not sure" answers', diff.resolvedNotSure.map(questionItem)),
    ...section('Scope changes', scopeItems(diff)),
    '<!-- markdownlint-disable-file MD041 -->',
  ];
  return `${lines.join('\n')}\n`;
}
