/** `evidence`: the evidence request (PBC) list for the engagement, as Markdown, CSV, JSON or XLSX. */
import { inert } from '../../text/terminal.js';
import { auditReadiness } from '../../engagement/audit.js';
import { evidenceHeader } from '../../evidence/header.js';
import { evidenceRequests } from '../../evidence/requests.js';
import { assessWorkspace, loadWorkspace } from '../../project/workspace.js';
import { displayPath } from '../../runtime/paths.js';
import { clock } from '../clock.js';
import { ExitCode } from '../exit-code.js';
import { evidenceOutputFormats } from '../formats.js';
import type { Io } from '../io.js';
import { resolveOutputs, writeOutput, type OutputFlag } from '../outputs.js';
import { toolInfo } from '../version.js';

export interface EvidenceOptions {
  answers?: string;
  controls?: string;
  config?: string;
  format?: string;
  output?: string;
}

export async function runEvidence(options: EvidenceOptions, io: Io): Promise<ExitCode> {
  const flags: OutputFlag[] = [];
  if (options.format !== undefined) flags.push({ kind: 'format', value: options.format });
  if (options.output !== undefined) flags.push({ kind: 'output', value: options.output });
  const [output] = resolveOutputs(flags, evidenceOutputFormats, 'md', io.cwd);
  const now = clock(io.env)();
  const ws = loadWorkspace({ ...options, cwd: io.cwd, now, mustExist: true });
  const audit = auditReadiness(assessWorkspace(ws), ws.config.engagement, ws.doc.operations, now);
  const requests = evidenceRequests(audit);
  const header = evidenceHeader(audit, ws.doc.organization ?? ws.config.organization, requests);
  const tool = await toolInfo();
  const content = await evidenceOutputFormats[output!.format]!.render({ requests, header, tool, generatedAt: now });
  writeOutput(output!.path, content, io, { inputs: ws.inputs });
  if (output!.path)
    io.stderr.write(
      `Wrote ${requests.length} evidence requests (${output!.format}) to ${inert(displayPath(output!.path, io.cwd))}\n`,
    );
  if (audit.readiness.assumed) io.stderr.write(`soc2-ready: ${header.notes[0]}\n`);
  return ExitCode.ok;
}
