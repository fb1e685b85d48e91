/** `assess`: records one evidence reference for a control (path, URL or ticket id), hashing local files. */
import { dateOf, isDate } from '../engagement/dates.js';
import { evidencePath, isFile, sha256File } from '../evidence/files.js';
import { evidenceKind, type EvidenceRef } from '../evidence/references.js';
import type { Workspace } from '../project/workspace.js';
import type { Painter } from './print.js';
import type { Prompter } from './prompter.js';

export interface EvidenceDeps {
  prompter: Prompter;
  paint: Painter;
  say: (text: string) => void;
  now: () => string;
}

/** Asks for a reference and its collection date; the caller records it (undefined when none was given). */
export async function askEvidence(
  ws: Workspace,
  controlId: string,
  deps: EvidenceDeps,
): Promise<EvidenceRef | undefined> {
  const { prompter, paint, say } = deps;
  const ref = (
    await prompter.input('Evidence: a file path (relative to the answers file), a URL or a ticket id:', {
      required: true,
    })
  ).trim();
  if (ref === '') return;
  let collected = '';
  while (!isDate(collected)) {
    if (collected !== '') say(paint.yellow(`"${collected}" is not a calendar date; write it as YYYY-MM-DD.\n`));
    collected = (
      await prompter.input('Collected on (YYYY-MM-DD):', { default: dateOf(deps.now()), required: true })
    ).trim();
  }
  const entry: EvidenceRef = { ref, collected };
  if (evidenceKind(ref) === 'file') {
    const path = evidencePath(ref, ws.answersPath);
    if (isFile(path)) entry.sha256 = await sha256File(path);
    else say(paint.yellow(`No file at "${ref}" (relative to the answers file): recorded without a hash.\n`));
  }
  say(paint.dim(`Recorded evidence for ${controlId}: ${ref} (${collected}${entry.sha256 ? ', SHA-256 kept' : ''}).\n`));
  return entry;
}
