/** Gathers what goes into the auditor pack: reports, OSCAL, evidence requests, the answers and evidence files. */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { auditReadiness } from '../engagement/audit.js';
import { evidencePath, isFile } from '../evidence/files.js';
import { evidenceKind } from '../evidence/references.js';
import { reportFormats, type ReportInput } from '../formats/registry.js';
import {
  buildManifest,
  entryOf,
  evidenceEntryPath,
  packedEvidence,
  sha256Hex,
  type PackFile,
} from '../pack/manifest.js';
import { assessWorkspace, type Workspace } from '../project/workspace.js';
import { reportMetaOf } from '../report/meta.js';
import { toolInfo } from './version.js';

const text = (s: string) => new TextEncoder().encode(s);

/** Every file of the pack, manifest.json included, for an answers file loaded as `ws`. */
export async function packFiles(ws: Workspace, now: string, cwd: string): Promise<PackFile[]> {
  const assessment = assessWorkspace(ws);
  const meta = reportMetaOf(ws, now, await toolInfo());
  const audit = auditReadiness(assessment, ws.config.engagement, ws.doc.operations, now);
  const input: ReportInput = {
    assessment,
    catalog: ws.catalog,
    meta: { ...meta, audit },
    doc: ws.doc,
    cwd,
    location: { file: ws.answersDisplay },
  };
  const answers: PackFile = { path: `answers/${basename(ws.answersPath)}`, bytes: readFileSync(ws.answersPath) };
  const files: PackFile[] = [
    answers,
    { path: 'report.html', bytes: text(await reportFormats.html.render(input)) },
    { path: 'report.json', bytes: text(await reportFormats.json.render(input)) },
    { path: 'assessment-results.json', bytes: text(await reportFormats.oscal.render(input)) },
    ...(await evidenceRequestFiles(audit, now)),
    ...evidenceFiles(ws),
  ];
  const found = new Map(
    files.filter((f) => f.path.startsWith('evidence/')).map((f) => [f.path, { sha256: sha256Hex(f.bytes) }]),
  );
  const evidence = ws.doc.evidence ?? {};
  const byRef = new Map(
    Object.values(evidence)
      .flat()
      .map((r) => [r.ref, found.get(evidenceEntryPath(r.ref))]),
  );
  const manifest = buildManifest(files, {
    tool: meta.tool,
    generatedAt: now,
    organization: ws.doc.organization ?? null,
    answers: entryOf(answers),
    engagement: ws.config.engagement ?? null,
    evidence: packedEvidence(evidence, byRef),
  });
  return [{ path: 'manifest.json', bytes: text(`${JSON.stringify(manifest, null, 2)}\n`) }, ...files];
}

/** The evidence request (PBC) list, as CSV and XLSX (see `soc2-ready evidence`). */
async function evidenceRequestFiles(audit: ReturnType<typeof auditReadiness>, now: string): Promise<PackFile[]> {
  const { evidenceRequests } = await import('../evidence/requests.js');
  const requests = evidenceRequests(audit);
  const [{ toCsv }, { toXlsx }] = await Promise.all([import('../evidence/csv.js'), import('../evidence/xlsx.js')]);
  return [
    { path: 'evidence-requests.csv', bytes: text(toCsv(requests)) },
    { path: 'evidence-requests.xlsx', bytes: await toXlsx(requests, now) },
  ];
}

/** Local evidence files that exist, once each, under evidence/. */
function evidenceFiles(ws: Workspace): PackFile[] {
  const files = new Map<string, PackFile>();
  for (const refs of Object.values(ws.doc.evidence ?? {}))
    for (const { ref } of refs) {
      const path = evidencePath(ref, ws.answersPath);
      if (evidenceKind(ref) !== 'file' || !isFile(path)) continue;
      files.set(evidenceEntryPath(ref), { path: evidenceEntryPath(ref), bytes: readFileSync(path) });
    }
  return [...files.values()];
}
