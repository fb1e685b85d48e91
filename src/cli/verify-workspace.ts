/** Reads what `verify` checks (answers positions, local evidence files) and runs the pure rules. */
import { readFileSync } from 'node:fs';
import { checkInventory } from '../catalog/coverage.js';
import type { Control } from '../catalog/types.js';
import { parseYamlSource } from '../yaml/source.js';
import { error, warning, type Diagnostic } from '../diagnostics.js';
import { evidencePath, isFile, sha256File } from '../evidence/files.js';
import { evidenceKind } from '../evidence/references.js';
import { verifyEvidence, type FileStatus } from '../evidence/verify.js';
import { staleAnswerIds } from '../questionnaire/plan.js';
import { assessWorkspace, scopeOf, type Workspace } from '../project/workspace.js';
import type { VerifySummary } from '../evidence/verify-json.js';

export async function verifyWorkspace(ws: Workspace, summary: VerifySummary): Promise<Diagnostic[]> {
  const assessment = assessWorkspace(ws);
  const source = parseYamlSource(readFileSync(ws.answersPath, 'utf8'), ws.answersDisplay, { fast: true });
  const at = (path: (string | number)[], key = false) => ({
    file: ws.answersDisplay,
    ...source.locate(path, { key }),
  });
  const evidence = ws.doc.evidence ?? {};
  const files = await fileStatuses(ws, evidence);
  summary.answersFile = ws.answersDisplay;
  summary.controls = assessment.controls.length;
  for (const refs of Object.values(evidence)) for (const r of refs) summary.references[evidenceKind(r.ref)]++;
  const window = ws.config.engagement?.type === 'type2' ? ws.config.engagement.window : undefined;
  const inventory = checkInventory({
    catalog: ws.catalog,
    controls: ws.controls,
    scope: scopeOf(ws),
    exclusions: ws.config.exclusions ?? [],
  });
  return [
    ...inventory.diagnostics,
    ...assessment.invalid.map((q) =>
      error('invalid-answer', `The answer "${q.value}" to ${q.id} is not one of its choices.`, {
        ...at(['answers', q.id, 'value']),
        hint: `Answer it again with \`soc2-ready assess --review --control ${q.controlId}\`.`,
      }),
    ),
    ...staleAnswerIds(ws.controls, ws.doc.answers, ws.content).map((id) =>
      warning('stale-answer', `${id} is not a question of the current controls; the answer is kept but not scored.`, {
        ...at(['answers', id], true),
        hint: 'Remove it, or restore the question.',
      }),
    ),
    ...verifyEvidence({
      controls: assessment.controls,
      evidence,
      operations: ws.doc.operations,
      knownControls: new Set(ws.controls.map((c) => c.id)),
      keyControls: keyControlIds(ws.controls),
      require: summary.require,
      asOf: summary.asOf,
      window,
      files,
      file: ws.answersDisplay,
      locate: source.locate,
    }),
  ];
}

/**
 * Key controls: those the control files mark `key: true`. A library that marks none falls back to
 * its weight-3 controls, so `verify` still asks for the evidence that matters most.
 */
export function keyControlIds(controls: readonly Control[]): Set<string> {
  const flagged = controls.filter((c) => c.key === true);
  const key = flagged.length > 0 ? flagged : controls.filter((c) => c.weight >= 3);
  return new Set(key.map((c) => c.id));
}

async function fileStatuses(ws: Workspace, evidence: NonNullable<Workspace['doc']['evidence']>) {
  const files = new Map<string, FileStatus>();
  for (const refs of Object.values(evidence))
    for (const { ref } of refs) {
      if (evidenceKind(ref) !== 'file' || files.has(ref)) continue;
      const path = evidencePath(ref, ws.answersPath);
      files.set(ref, isFile(path) ? { exists: true, sha256: await sha256File(path) } : { exists: false });
    }
  return files;
}
