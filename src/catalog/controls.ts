import type { Diagnostic } from '../diagnostics.js';
import { schemaCheck } from '../yaml/schema.js';
import type { Control, CriterionLink, Question } from './types.js';
import type { RawControl, RawControlsFile, RawCriterionLink, RawQuestion } from './controls-file.generated.js';
import { parseYamlSource, type YamlSource } from '../yaml/source.js';

export interface ControlFileResult {
  controls: Control[];
  diagnostics: Diagnostic[];
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
  const raw = (source.data as RawControlsFile).controls;
  const controls: Control[] = [];
  for (let i = 0; i < raw.length; i++) if (!invalid.has(i)) controls.push(toControl(raw[i]!, i, source));
  return { controls, diagnostics };
}

/** The control as written, with its defaults filled in, its links resolved and its positions. */
function toControl(raw: RawControl, index: number, source: YamlSource): Control {
  const at = (path: (string | number)[]) => source.locate(['controls', index, ...path]);
  const links = raw.criteria.map(toLink);
  return Object.assign(fieldsOf(raw), {
    criteria: links.map((l) => l.id),
    links,
    key: raw.key ?? false,
    weight: raw.weight ?? 1,
    evidence: raw.evidence ?? [],
    questions: (raw.questions ?? []).map(toQuestion),
    location: { file: source.file, ...at(['id']) },
    criteriaLocations: raw.criteria.map((c, i) =>
      typeof c === 'string' ? at(['criteria', i]) : at(['criteria', i, 'id']),
    ),
    questionLocations: (raw.questions ?? []).map((q, i) => ({
      id: at(['questions', i, 'id']),
      when: q.when ? at(['questions', i, 'when', 'question']) : undefined,
    })),
  });
}

/**
 * A copy of a parsed object's fields, so every field of the schema reaches the model without being
 * named here. Not `{ ...raw }`: in a cold process spreading these objects (their shapes vary with
 * the fields each control writes) cost ~10 µs each, a third of `check` on 10,000 controls.
 */
function fieldsOf<T extends object>(raw: T): T {
  const copy = {} as T;
  for (const key in raw) if (key !== '__proto__') copy[key] = raw[key]; // (the schema refuses that key anyway)
  return copy;
}

function toLink(raw: RawCriterionLink): CriterionLink {
  return typeof raw === 'string' ? { id: raw, role: 'primary' } : { id: raw.id, role: raw.role ?? 'primary' };
}

function toQuestion(raw: RawQuestion): Question {
  const choices = raw.choices.map((c) => Object.assign(fieldsOf(c), { label: c.label ?? c.value }));
  return Object.assign(fieldsOf(raw), { choices });
}
