/**
 * OSCAL assessment results (NIST OSCAL 1.1.3, also valid under 1.2.2) from a readiness assessment.
 * Pure and deterministic: every UUID is a version-5 UUID of what it identifies, every time comes
 * from the answers or the injected clock. See shared notes on OSCAL for the choices made here:
 * criterion ids are used verbatim as control and objective ids (there is no official OSCAL catalog
 * of the Trust Services Criteria), and the "plan" this imports is the answers file itself.
 */
import { createHash } from 'node:crypto';
import type { Assessment, ControlResult, CriterionResult, QuestionResult } from '../scoring.js';
import { percent } from '../scoring.js';
import type { Answers } from '../questionnaire/plan.js';
import { evidenceKind, type EvidenceRef } from '../evidence/references.js';
import { SOC2_READY_NAMESPACE, uuidV5 } from './uuid.js';

export const OSCAL_VERSIONS = ['1.1.3', '1.2.2'] as const;
export type OscalVersion = (typeof OSCAL_VERSIONS)[number];

/** Where evidence for a control is: a local file (relative to the answers file), a URL or a ticket id. */
export type OscalEvidence = EvidenceRef;

export interface OscalInput {
  assessment: Assessment;
  organization?: string;
  /** The answers file as shown to the user (relative path, forward slashes). */
  answersFile: string;
  /** The answers file's `created` and `updated`, when recorded. */
  created?: string;
  updated?: string;
  answers: Answers;
  /** Evidence references by control id. */
  evidence?: Readonly<Record<string, readonly OscalEvidence[]>>;
  tool: { name: string; version: string };
  /** ISO 8601, from the injected clock. */
  generatedAt: string;
  oscalVersion?: OscalVersion;
}

type Json = Record<string, unknown>;

const NS = 'urn:soc2-ready:oscal';
const prop = (name: string, value: string) => ({ name, ns: NS, value: oneLine(value) });

/** Markup-line and string datatypes allow no line breaks and no edge whitespace. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim() || '-';
}

/** A valid OSCAL date-time (with timezone, years 1900-2999), or undefined. */
export function oscalDateTime(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return undefined;
  const iso = new Date(ms).toISOString();
  return /^(19|2\d)\d\d-/.test(iso) ? iso : undefined;
}

export function toOscalAssessmentResults(input: OscalInput): { 'assessment-results': Json } {
  const key = input.organization ?? input.answersFile;
  const id = (...parts: string[]) => uuidV5([...parts, key].join('|'), SOC2_READY_NAMESPACE);
  const ids = { answers: id('resource', 'answers'), criteria: id('resource', 'criteria'), id };
  const observations = input.assessment.controls
    .filter((c) => c.questions.some((q) => input.answers[q.id] !== undefined))
    .map((c) => observationOf(c, input, ids.id));
  const observed = new Map(observations.map((o) => [o.controlId, o.json.uuid as string]));
  const findings = input.assessment.criteria
    .filter((c) => c.inScope && c.status !== 'excluded')
    .map((c) => findingOf(c, input.assessment, observed, ids.id));
  const body: Json = {
    metadata: metadataOf(input),
    'import-ap': {
      href: `#${ids.answers}`,
      remarks: 'No OSCAL assessment plan exists: this is a readiness self-assessment scored from the answers file.',
    },
    results: [
      resultOf(
        input,
        ids,
        observations.map((o) => o.json),
        findings,
      ),
    ],
    'back-matter': { resources: resourcesOf(input, ids) },
  };
  const digest = createHash('sha256').update(JSON.stringify(body)).digest('hex');
  return { 'assessment-results': { uuid: uuidV5(`document|${digest}`, SOC2_READY_NAMESPACE), ...body } };
}

function metadataOf(input: OscalInput): Json {
  const org = input.organization === undefined ? undefined : oneLine(input.organization);
  return {
    title: org ? `SOC 2 readiness results: ${org}` : 'SOC 2 readiness results',
    'last-modified': oscalDateTime(input.generatedAt) ?? input.generatedAt,
    version: oneLine(`answers updated ${oscalDateTime(input.updated) ?? input.generatedAt}`),
    'oscal-version': input.oscalVersion ?? '1.1.3',
    props: [
      prop('assessment-kind', 'readiness-self-assessment'),
      prop('generator', `${input.tool.name} ${input.tool.version}`),
    ],
    ...(org
      ? { parties: [{ uuid: uuidV5(`party|${org}`, SOC2_READY_NAMESPACE), type: 'organization', name: org }] }
      : {}),
  };
}

function resultOf(
  input: OscalInput,
  ids: { answers: string; criteria: string; id: (...p: string[]) => string },
  observations: Json[],
  findings: Json[],
): Json {
  const a = input.assessment;
  const times = [input.created, ...Object.values(input.answers).map((x) => x.at)]
    .map(oscalDateTime)
    .filter((t): t is string => t !== undefined)
    .sort();
  const end = oscalDateTime(input.generatedAt) ?? input.generatedAt;
  const start = times[0] !== undefined && times[0] <= end ? times[0] : end;
  const reviewed = a.criteria.filter((c) => c.inScope && c.status !== 'excluded');
  const excluded = a.criteria.filter((c) => c.inScope && c.status === 'excluded');
  const overall = percent(a.overall.score);
  return {
    uuid: ids.id('result'),
    title: 'SOC 2 readiness self-assessment',
    description:
      `Answers from ${input.answersFile} scored against the 2017 Trust Services Criteria: ${reviewed.length} criteria reviewed, ` +
      `overall readiness ${overall === null ? 'not applicable' : `${overall}%`} (${a.overall.status}). ` +
      'A self-assessment, not an attestation: "satisfied" means ready by the answers given.',
    start,
    end,
    'reviewed-controls': {
      'control-selections': [
        {
          'include-controls': reviewed.map((c) => ({ 'control-id': c.id })),
          ...(excluded.length > 0
            ? {
                remarks: `Excluded by the organization: ${excluded.map((c) => `${c.id} (${oneLine(c.excludedReason ?? '')})`).join('; ')}.`,
              }
            : {}),
        },
      ],
      links: [{ href: `#${ids.criteria}`, rel: 'reference' }],
    },
    ...(observations.length > 0 ? { observations } : {}),
    ...(findings.length > 0 ? { findings } : {}),
  };
}

function resourcesOf(input: OscalInput, ids: { answers: string; criteria: string }): Json[] {
  return [
    {
      uuid: ids.answers,
      title: 'soc2-ready answers file',
      description: 'The questionnaire answers this assessment was scored from.',
      rlinks: [{ href: encodeURI(input.answersFile) }],
    },
    {
      uuid: ids.criteria,
      title: 'AICPA 2017 Trust Services Criteria (points of focus revised 2022)',
      citation: {
        text: 'AICPA TSP Section 100. Criterion ids are used as control ids; no official OSCAL catalog of the criteria exists.',
      },
    },
  ];
}

const ANSWER_TEXT: Partial<Record<QuestionResult['state'], string>> = {
  'not-sure': 'Not sure',
  unanswered: 'unanswered',
  invalid: 'an answer that is no longer a choice of this question',
};

function answerLine(q: QuestionResult): string | undefined {
  if (q.state === 'not-asked') return undefined;
  if (q.state === 'not-applicable') return `- ${oneLine(q.text)} Not applicable: ${oneLine(q.reason ?? '')}`;
  return `- ${oneLine(q.text)} ${ANSWER_TEXT[q.state] ?? oneLine(q.label ?? q.value ?? '')}`;
}

function observationOf(
  c: ControlResult,
  input: OscalInput,
  id: (...p: string[]) => string,
): { controlId: string; json: Json } {
  const evidence = input.evidence?.[c.id] ?? [];
  const times = c.questions.map((q) => oscalDateTime(input.answers[q.id]?.at)).filter((t) => t !== undefined);
  const collected = times.sort().at(-1) ?? oscalDateTime(input.generatedAt) ?? input.generatedAt;
  const score = percent(c.score);
  const lines = c.questions.map(answerLine).filter((l) => l !== undefined);
  const json: Json = {
    uuid: id('observation', c.id),
    title: oneLine(`${c.id} ${c.control.title}`),
    description: [
      `${c.id} (${oneLine(c.control.title)}): readiness ${score === null ? 'not applicable' : `${score}%`} (${c.status}).`,
      '',
      ...lines,
    ].join('\n'),
    props: [prop('control-id', c.id), prop('readiness-status', c.status)],
    methods: evidence.length > 0 ? ['INTERVIEW', 'EXAMINE'] : ['INTERVIEW'],
    types: ['control-objective'],
    ...(evidence.length > 0 ? { 'relevant-evidence': evidence.map(relevantEvidence) } : {}),
    collected,
  };
  return { controlId: c.id, json };
}

function relevantEvidence(e: OscalEvidence): Json {
  const kind = evidenceKind(e.ref);
  const what = kind === 'ticket' ? `Ticket ${oneLine(e.ref)}` : oneLine(e.ref);
  const hash = e.sha256 ? `, SHA-256 ${e.sha256}` : '';
  return {
    ...(kind === 'ticket' ? {} : { href: kind === 'url' ? e.ref : encodeURI(e.ref) }),
    description: `${what}, collected ${e.collected}${hash}.`,
  };
}

function findingOf(
  c: CriterionResult,
  a: Assessment,
  observed: ReadonlyMap<string, string>,
  id: (...p: string[]) => string,
): Json {
  const controls = a.controls.filter((x) => c.controls.includes(x.id));
  const doubts = controls.flatMap((x) => x.questions).filter((q) => q.state in ANSWER_TEXT);
  const satisfied = c.status === 'ready' && doubts.length === 0;
  const reason = satisfied ? 'pass' : c.status === 'gap' || c.status === 'partial' ? 'fail' : 'other';
  const score = percent(c.score);
  const related = controls.map((x) => observed.get(x.id)).filter((u) => u !== undefined);
  return {
    uuid: id('finding', c.id),
    title: oneLine(`${c.id} ${c.title}: ${c.status}`),
    description: findingDescription(c, controls, doubts, score, a),
    props: [prop('readiness-status', c.status), ...(score === null ? [] : [prop('readiness-percent', String(score))])],
    target: {
      type: 'objective-id',
      'target-id': c.id,
      status: { state: satisfied ? 'satisfied' : 'not-satisfied', reason },
    },
    ...(related.length > 0 ? { 'related-observations': related.map((u) => ({ 'observation-uuid': u })) } : {}),
  };
}

function findingDescription(
  c: CriterionResult,
  controls: readonly ControlResult[],
  doubts: readonly QuestionResult[],
  score: number | null,
  a: Assessment,
): string {
  if (c.status === 'unmapped') return `No control maps to ${c.id}.`;
  const lines = [
    `Readiness ${score === null ? 'not applicable' : `${score}%`} (${c.status}) from ${controls.map((x) => x.id).join(', ')}.`,
  ];
  const count = (state: string) => doubts.filter((q) => q.state === state).length;
  const open = [
    [count('not-sure'), 'answered Not sure'],
    [count('unanswered'), 'unanswered'],
    [count('invalid'), 'with an outdated answer'],
  ].filter(([n]) => (n as number) > 0);
  if (open.length > 0) lines.push(`Questions ${open.map(([n, what]) => `${what}: ${n}`).join('; ')}.`);
  for (const g of a.gaps.filter((x) => c.controls.includes(x.id) && x.control.remediation))
    lines.push(`- ${g.id}: ${oneLine(g.control.remediation!)}`);
  return lines.join('\n');
}
