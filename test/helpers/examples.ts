import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './run-cli.js';

/** The answers.yaml of every example under examples/ (each example folder that has one). */
export function exampleAnswersFiles(): string[] {
  const examples = join(repoRoot, 'examples');
  return readdirSync(examples, { withFileTypes: true })
    .filter((d) => d.isDirectory() && readdirSync(join(examples, d.name)).includes('answers.yaml'))
    .map((d) => join(examples, d.name, 'answers.yaml'));
}
