/** Inside GitHub Actions (GITHUB_ACTIONS=true), check and report also annotate and write the job summary. */
import { appendFileSync } from 'node:fs';
import type { Findings } from '../formats/findings.js';
import { withFsErrors } from '../runtime/fs-errors.js';
import type { Io } from './io.js';

export function inGithubActions(env: NodeJS.ProcessEnv): boolean {
  return env.GITHUB_ACTIONS === 'true';
}

/** Annotations on stderr (stdout carries the document) unless a `github` output already has them; then the summary. */
export async function annotateGithub(findings: Findings, io: Io, alreadyAnnotated: boolean): Promise<void> {
  const github = await import('../formats/github.js');
  if (!alreadyAnnotated) io.stderr.write(github.toGithubAnnotations(findings));
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  // A failure there is an environment error naming the variable, not a bug.
  if (summaryFile)
    withFsErrors('writing', `the job summary ($GITHUB_STEP_SUMMARY=${summaryFile})`, () =>
      appendFileSync(summaryFile, `${github.toStepSummary(findings)}\n`),
    );
}
