import type { Diagnostic } from '../diagnostics.js';
import { schemaCheck } from '../yaml/schema.js';
import type { Choice, Control, Frequency, Question } from './types.js';
import { parseYamlSource, type YamlSource } from '../yaml/source.js';

export interface ControlFileResult {
  controls: Control[];
  diagnostics: Diagnostic[];
}

interface RawChoice {
  value: string;
  label?: string;
  score: number;
}
interface RawQuestion {
  id: string;
  text: string;
  help?: string;
  when?: { question: string; in: string[] };
  choices: RawChoice[];
}
interface RawControl {
  id: string;
  title: string;
  criteria: string[];
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
  return {
    id: raw.id,
    title: raw.title,
    criteria: raw.criteria,
    description: raw.description,
    weight: raw.weight ?? 1,
    frequency: raw.frequency,
    owner: raw.owner,
    evidence: raw.evidence ?? [],
    remediation: raw.remediation,
    questions: (raw.questions ?? []).map(toQuestion),
    location: { file: source.file, ...at('id') },
    criteriaLocations: raw.criteria.map((_, i) => at('criteria', i)),
    questionLocations: (raw.questions ?? []).map((q, i) => ({
      id: at('questions', i, 'id'),
      when: q.when ? at('questions', i, 'when', 'question') : undefined,
    })),
  };
}

function toQuestion(raw: RawQuestion): Question {
  const choices: Choice[] = raw.choices.map((c) => ({ value: c.value, label: c.label ?? c.value, score: c.score }));
  return { id: raw.id, text: raw.text, help: raw.help, when: raw.when, choices };
}
