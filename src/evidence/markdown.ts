/** The evidence request list as Markdown, for an email or a pull request. */
import { markdownCell } from '../report/handlebars.js';
import { COLUMNS, type EvidenceRequest } from './requests.js';
import type { EvidenceHeader } from './header.js';

export function toMarkdown(requests: readonly EvidenceRequest[], header: EvidenceHeader): string {
  const lines = [
    `# Evidence request list: ${markdownCell(header.organization)}`,
    '',
    ...header.notes.map((n) => `- ${markdownCell(n)}`),
    '',
    `| ${COLUMNS.map(([, h]) => h).join(' | ')} |`,
    `| ${COLUMNS.map(() => '---').join(' | ')} |`,
    ...requests.map((r) => `| ${COLUMNS.map(([key]) => markdownCell(r[key]) || '—').join(' | ')} |`),
    '',
  ];
  return lines.join('\n');
}
