/** `evidence`: the evidence request (PBC) list for the engagement, as Markdown, CSV, JSON or XLSX. */
import { extname, resolve } from 'node:path';
import { auditReadiness } from '../../engagement/audit.js';
import { UsageError } from '../../errors.js';
import { evidenceHeader } from '../../evidence/header.js';
import { evidenceRequests } from '../../evidence/requests.js';
import { assessWorkspace, loadWorkspace } from '../../project/workspace.js';
import { displayPath } from '../../runtime/paths.js';
import { writeFileAtomic } from '../../runtime/fs-atomic.js';
import { clock } from '../clock.js';
import { ExitCode } from '../exit-code.js';
import type { Io } from '../io.js';
import { version } from '../version.js';

export const EVIDENCE_FORMATS = ['md', 'csv', 'json', 'xlsx'] as const;
export type EvidenceFormat = (typeof EVIDENCE_FORMATS)[number];

export interface EvidenceOptions {
  answers?: string;
  controls?: string;
  config?: string;
  format?: string;
  output?: string;
}

export async function runEvidence(options: EvidenceOptions, io: Io): Promise<ExitCode> {
  const format = formatOf(options);
  const now = clock(io.env)();
  const ws = loadWorkspace(options, io.cwd, now, true);
  const audit = auditReadiness(assessWorkspace(ws), ws.config.engagement, ws.doc.operations, now);
  const requests = evidenceRequests(audit);
  const header = evidenceHeader(audit, ws.doc.organization ?? ws.config.organization, requests);
  const content = await render(format, requests, header, now);
  if (options.output) {
    const path = resolve(io.cwd, options.output);
    writeFileAtomic(path, content);
    io.stderr.write(`Wrote ${requests.length} evidence requests (${format}) to ${displayPath(path, io.cwd)}\n`);
  } else io.stdout.write(content);
  if (audit.readiness.assumed) io.stderr.write(`soc2-ready: ${header.notes[0]}\n`);
  return ExitCode.ok;
}

async function render(
  format: EvidenceFormat,
  requests: ReturnType<typeof evidenceRequests>,
  header: ReturnType<typeof evidenceHeader>,
  now: string,
): Promise<string | Uint8Array> {
  if (format === 'csv') return (await import('../../evidence/csv.js')).toCsv(requests);
  if (format === 'md') return (await import('../../evidence/markdown.js')).toMarkdown(requests, header);
  if (format === 'xlsx') return (await import('../../evidence/xlsx.js')).toXlsx(requests, now);
  const tool = { name: 'soc2-ready', version: await version() };
  return (await import('../../evidence/json.js')).toEvidenceJson(requests, header, { tool, generatedAt: now });
}

/** --format, else the extension of -o, else Markdown. XLSX is binary: it needs a file. */
function formatOf(options: EvidenceOptions): EvidenceFormat {
  const fromExtension = options.output ? extname(options.output).slice(1).toLowerCase() : undefined;
  const format = options.format ?? (fromExtension === 'markdown' ? 'md' : fromExtension) ?? 'md';
  if (!(EVIDENCE_FORMATS as readonly string[]).includes(format))
    throw new UsageError(
      options.format
        ? `Unknown format "${format}".`
        : `Cannot tell the format of "${options.output}" from its extension.`,
      `Use --format ${EVIDENCE_FORMATS.join(', ')} (or an -o file ending .md, .csv, .json or .xlsx).`,
    );
  if (format === 'xlsx' && !options.output)
    throw new UsageError('XLSX is a binary file and cannot go to the terminal.', 'Add -o evidence.xlsx.');
  return format as EvidenceFormat;
}
