/** The evidence request list for tools: the header facts and every request, keys in column order. */
import type { EvidenceHeader } from './header.js';
import { COLUMNS, type EvidenceRequest } from './requests.js';

export function toEvidenceJson(
  requests: readonly EvidenceRequest[],
  header: EvidenceHeader,
  meta: { tool: { name: string; version: string }; generatedAt: string },
): string {
  const { notes, ...engagement } = header;
  // Keys in column order, whatever order the rows were built in.
  const rows = requests.map((r) => Object.fromEntries(COLUMNS.map(([key]) => [key, r[key]])));
  return `${JSON.stringify({ tool: meta.tool, generatedAt: meta.generatedAt, ...engagement, notes, requests: rows }, null, 2)}\n`;
}
