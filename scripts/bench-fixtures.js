// Inputs for scripts/bench.js: generated inventories and an `init`-ed project, written to a temp folder.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SECURITY = [
  ...['CC1.1', 'CC1.2', 'CC1.3', 'CC1.4', 'CC1.5', 'CC2.1', 'CC2.2', 'CC2.3', 'CC3.1', 'CC3.2', 'CC3.3'],
  ...['CC3.4', 'CC4.1', 'CC4.2', 'CC5.1', 'CC5.2', 'CC5.3', 'CC6.1', 'CC6.2', 'CC6.3', 'CC6.4', 'CC6.5'],
  ...['CC6.6', 'CC6.7', 'CC6.8', 'CC7.1', 'CC7.2', 'CC7.3', 'CC7.4', 'CC7.5', 'CC8.1', 'CC9.1', 'CC9.2'],
];

/** `files` files of `perFile` five-line controls each (the shape the performance review measured). */
export function stubInventory(dir, files, perFile) {
  mkdirSync(dir, { recursive: true });
  for (let f = 0; f < files; f++) {
    const lines = ['controls:'];
    for (let c = 0; c < perFile; c++) {
      const n = f * perFile + c;
      lines.push(
        `  - id: GEN-${n}`,
        `    title: Generated control ${n}`,
        `    criteria: [${SECURITY[n % SECURITY.length]}, ${SECURITY[(n + 7) % SECURITY.length]}]`,
        '    weight: 2',
        '    owner: Security lead',
      );
    }
    writeFileSync(join(dir, `file-${f}.yaml`), `${lines.join('\n')}\n`);
  }
  return dir;
}

const WORDS = (
  'access review owner quarterly production customer data system account change approval backup restore ' +
  'incident response vendor risk policy training laptop encryption key log alert ticket evidence record'
).split(' ');
const words = (n, seed) => Array.from({ length: n }, (_, i) => WORDS[(seed * 7 + i * 13) % WORDS.length]).join(' ');

/** One control shaped like a real inventory entry: prose, evidence list, questions with choices. */
function realControl(prefix, n) {
  const id = `${prefix}-${String(n).padStart(2, '0')}`;
  const lines = [
    `  - id: ${id}`,
    `    title: ${words(5, n).replace(/^./, (c) => c.toUpperCase())}`,
    '    description: >-',
    `      ${words(14, n + 1)},`,
    `      ${words(12, n + 2)} (${words(3, n + 3)}).`,
    `    criteria: [${SECURITY[n % SECURITY.length]}, ${SECURITY[(n * 5 + 3) % SECURITY.length]}]`,
    `    weight: ${(n % 3) + 1}`,
    `    frequency: ${['quarterly', 'annually', 'continuous', 'monthly'][n % 4]}`,
    `    owner: ${['Security lead', 'IT lead', 'Engineering manager', 'CTO'][n % 4]}`,
    '    evidence:',
    `      - ${words(9, n + 4)}`,
    `      - ${words(7, n + 5)} export`,
    '    remediation: >-',
    `      ${words(13, n + 6)};`,
    `      ${words(10, n + 7)}.`,
    '    questions:',
    `      - id: ${id}.practice`,
    `        text: How is the ${words(4, n + 8)} handled?`,
    '        choices:',
    `          - { value: none, label: "Not done", score: 0 }`,
    `          - { value: informal, label: "Done when someone remembers, ${words(3, n)}", score: 0.4 }`,
    `          - { value: scheduled, label: "On a schedule with a named owner", score: 1 }`,
    `      - id: ${id}.evidence`,
    `        when: { question: ${id}.practice, in: [informal, scheduled] }`,
    '        text: Is a record kept that an auditor could sample?',
    '        choices:',
    `          - { value: "no", label: "No", score: 0 }`,
    `          - { value: "yes", label: "Yes, for every occurrence", score: 1 }`,
    '',
  ];
  return lines.join('\n');
}

/** A real-sized inventory: `total` controls of the realistic shape spread over `files` files. */
export function realInventory(dir, files, total) {
  mkdirSync(dir, { recursive: true });
  for (let f = 0; f < files; f++) {
    const prefix = `R${String.fromCharCode(65 + (f % 26))}${Math.floor(f / 26)}`;
    const controls = [];
    for (let n = f; n < total; n += files) controls.push(realControl(prefix, n));
    writeFileSync(join(dir, `area-${f}.yaml`), `# Controls of area ${f}\ncontrols:\n${controls.join('\n')}`);
  }
  return dir;
}

/**
 * A project set up with `init` (the library becomes the user's own files) plus a realistic answers
 * file (the health-privacy example's, pointed at the project's controls).
 */
export function initedProject(dir, bin, root) {
  mkdirSync(dir, { recursive: true });
  const run = spawnSync(process.execPath, [bin, 'init', '--organization', 'Bench Co'], { cwd: dir, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`init failed: ${run.stderr}`);
  const answers = readFileSync(join(root, 'examples', 'health-privacy', 'answers.yaml'), 'utf8');
  writeFileSync(join(dir, 'soc2-answers.yaml'), answers.replace(/^controls: builtin$/m, 'controls: controls'));
  return dir;
}
