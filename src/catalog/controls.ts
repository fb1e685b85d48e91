import type { Diagnostic } from '../diagnostics.js';
import { schemaCheck } from '../yaml/schema.js';
import type { Choice, Control, CriterionLink, Frequency, LinkRole, Question } from './types.js';
import { parseYamlSource, type YamlSource } from '../yaml/source.js';

export interface ControlFileResult {
  controls: Control[];
  diagnostics: Diagnostic[];
}

interface RawChoice {
  value: string;
  label?: string;
  score: number;
  next?: string;
}
interface RawQuestion {
  id: string;
  text: string;
  help?: string;
  gate?: boolean;
  when?: { question: string; in: string[] };
  choices: RawChoice[];
}
interface RawControl {
  id: string;
  title: string;
  criteria: (string | { id: string; role?: LinkRole })[];
  category?: string;
  key?: boolean;
  description?: string;
  weight?: number;
  frequency?: Frequency;
  owner?: string;
  evidence?: string[];
  remediation?: string;
  questions?: RawQuestion[];
}

/**
 * Parses one control file. Pure: text in, controls and diagnostics out. A control that breaks the
 * schema is left out (later rules never see half-valid data) but its valid neighbours are kept,
 * so one typo does not turn every criterion of the file into an "unmapped" finding.
 */
export function parseControlFile(text: string, file: string): ControlFileResult {
  const source = parseYamlSource(text, file);
  if (source.diagnostics.length > 0) return { controls: [], diagnostics: source.diagnostics };
  const { diagnostics, paths } = schemaCheck('controls', source);
  const fileLevel = paths.some((p) => p[0] !== 'controls' || typeof p[1] !== 'number');
  if (fileLevel) return { controls: [], diagnostics };
  const invalid = new Set(paths.map((p) => p[1] as number));
  const raw = (source.data as { controls: RawControl[] }).controls;
  const controls = raw.flatMap((c, i) => (invalid.has(i) ? [] : [toControl(c, i, source)]));
  return { controls, diagnostics };
}

function toControl(raw: RawControl, index: number, source: YamlSource): Control {
  const at = (...path: (string | number)[]) => source.locate(['controls', index, ...path]);
  const links = raw.criteria.map(toLink);
  return {
    id: raw.id,
    title: raw.title,
    criteria: links.map((l) => l.id),
    links,
    ...(raw.category !== undefined && { category: raw.category }),
    key: raw.key ?? false,
    description: raw.description,
    weight: raw.weight ?? 1,
    frequency: raw.frequency,
    owner: raw.owner,
    evidence: raw.evidence ?? [],
    remediation: raw.remediation,
    questions: (raw.questions ?? []).map(toQuestion),
    location: { file: source.file, ...at('id') },
    criteriaLocations: raw.criteria.map((c, i) =>
      typeof c === 'string' ? at('criteria', i) : at('criteria', i, 'id'),
    ),
    questionLocations: (raw.questions ?? []).map((q, i) => ({
      id: at('questions', i, 'id'),
      when: q.when ? at('questions', i, 'when', 'question') : undefined,
    })),
  };
}

function toLink(raw: RawControl['criteria'][number]): CriterionLink {
  return typeof raw === 'string' ? { id: raw, role: 'primary' } : { id: raw.id, role: raw.role ?? 'primary' };
}

function toQuestion(raw: RawQuestion): Question {
  const choices: Choice[] = raw.choices.map((c) => ({
    value: c.value,
    label: c.label ?? c.value,
    score: c.score,
    ...(c.next !== undefined && { next: c.next }),
  }));
  return {
    id: raw.id,
    text: raw.text,
    help: raw.help,
    ...(raw.gate !== undefined && { gate: raw.gate }),
    when: raw.when,
    choices,
  };
}
