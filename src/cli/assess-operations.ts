/**
 * The operating-history block `assess` asks after a control's questions when an engagement is set:
 * since when it operates, when it last ran (periodic) or how often it is triggered (event-driven),
 * whether evidence is kept and for how long. Every answer is saved at once; an entry without `at`
 * is an unfinished block, resumed at its first missing field. `--review` shows a recorded history
 * and keeps it with Enter (or asks each field again, the recorded values as defaults).
 */
import type { Frequency } from '../catalog/types.js';
import { durationDays, isDate } from '../engagement/dates.js';
import { evidenceLabel } from '../engagement/labels.js';
import type { EvidenceKept, OperatingHistory } from '../engagement/operations.js';
import { inert } from '../text/terminal.js';
import type { Painter } from './print.js';
import type { Prompter } from './prompter.js';

export interface OperationsStep {
  controlId: string;
  title: string;
  frequency: Frequency;
  /** The entry so far (undefined: never asked). */
  current: OperatingHistory | undefined;
  /** Saves the entry; called after every answer. */
  save: (history: OperatingHistory) => void;
  now: () => string;
  paint: Painter;
  write: (text: string) => void;
}

const PERIODIC: readonly Frequency[] = ['weekly', 'monthly', 'quarterly', 'annually'];

const validDate = (v: string) =>
  v.trim() === '' || isDate(v.trim()) || 'Write a date as YYYY-MM-DD, or leave it empty.';
const validRate = (v: string) =>
  v.trim() === '' || (Number.isFinite(Number(v)) && Number(v) >= 0) || 'Give a number of events a month, e.g. 2.';
const validDuration = (v: string) =>
  v.trim() === '' ||
  durationDays(v.trim().toUpperCase()) !== undefined ||
  'Write an ISO 8601 duration, e.g. P90D or P1Y.';

export async function askOperations(prompter: Prompter, step: OperationsStep, review = false): Promise<void> {
  let history: OperatingHistory = { ...step.current };
  const save = (patch: Partial<OperatingHistory>) => {
    history = { ...history, ...patch };
    step.save(history);
  };
  if (step.current === undefined || review) {
    step.write(
      `\n${step.paint.bold(`Operating history of ${step.controlId}`)} ${step.paint.dim(`(${step.title}; runs ${step.frequency}), for the Type II window`)}\n`,
    );
    const go = await askWhetherToRecord(prompter, step);
    // Kept or skipped: an entry already finished stays byte for byte as it is; otherwise it is now finished.
    if (go === 'keep') return history.at === undefined ? save({ at: step.now() }) : undefined;
  }
  for (const ask of fieldsFor(step.frequency)) {
    if (!review && history[ask.field] !== undefined) continue;
    const value = await ask.prompt(prompter, step.controlId, history);
    // Empty removes a recorded value (in review, Backspace clears the default), as the prompt says; so
    // does a retention no longer asked because the evidence is now not kept.
    if (value !== undefined || history[ask.field] !== undefined) save({ [ask.field]: value });
  }
  save({ at: step.now() });
}

/**
 * The block's first question. In review, a recorded history is shown and kept with Enter, like a
 * recorded answer; a skipped one defaults to staying skipped.
 */
async function askWhetherToRecord(prompter: Prompter, step: OperationsStep): Promise<'record' | 'keep'> {
  const { current, controlId } = step;
  const recorded = current === undefined ? undefined : recordedSummary(current);
  if (recorded === undefined)
    return prompter.select<'record' | 'keep'>(
      `Record the operating history of ${controlId} now?`,
      [
        { name: 'Record it (a few short questions)', value: 'record' },
        { name: 'Skip for now (counts as not sure)', value: 'keep' },
      ],
      current === undefined ? 'record' : 'keep',
    );
  step.write(`${step.paint.dim('Recorded:')} ${inert(recorded)}\n`);
  return prompter.select<'record' | 'keep'>(`Keep the recorded operating history of ${controlId}?`, [
    { name: 'Keep it as recorded', value: 'keep' },
    { name: 'Change it (the recorded values are the defaults)', value: 'record' },
  ]);
}

/** The recorded fields in words and in file order, e.g. "since 2025-06-16 · evidence: Kept (P1Y)"; undefined when none. */
export function recordedSummary(h: OperatingHistory): string | undefined {
  const parts = [
    h.frequency && `runs ${h.frequency}`,
    h.since && `since ${h.since}`,
    h.lastPerformed && `last performed ${h.lastPerformed}`,
    h.plannedBy && `planned by ${h.plannedBy}`,
    h.evidence && `evidence: ${evidenceLabel(h.evidence, h.retention)}`,
    h.evidence === undefined && h.retention && `retention ${h.retention}`,
    h.eventsPerMonth !== undefined && `${h.eventsPerMonth} events a month`,
    h.note && `note: ${h.note}`,
  ].filter((p): p is string => typeof p === 'string');
  return parts.length === 0 ? undefined : parts.join(' · ');
}

interface Field {
  field: keyof OperatingHistory;
  prompt: (p: Prompter, id: string, h: OperatingHistory) => Promise<OperatingHistory[keyof OperatingHistory]>;
}

const text = async (
  p: Prompter,
  message: string,
  current: string | undefined,
  validate: (v: string) => true | string,
) => {
  const value = (await p.input(message, { default: current, validate })).trim();
  return value === '' ? undefined : value;
};

function fieldsFor(frequency: Frequency): Field[] {
  const fields: Field[] = [
    {
      field: 'since',
      prompt: (p, id, h) => text(p, `${id} operates since (YYYY-MM-DD, empty if unknown):`, h.since, validDate),
    },
  ];
  if (PERIODIC.includes(frequency))
    fields.push({
      field: 'lastPerformed',
      prompt: (p, id, h) =>
        text(p, `${id} was last performed on (YYYY-MM-DD, empty if unknown):`, h.lastPerformed, validDate),
    });
  if (frequency === 'on-event')
    fields.push({
      field: 'eventsPerMonth',
      prompt: async (p, id, h) => {
        const value = await text(p, `About how many ${id} events a month?`, h.eventsPerMonth?.toString(), validRate);
        return value === undefined ? undefined : Number(value);
      },
    });
  fields.push({ field: 'evidence', prompt: (p, id, h) => askEvidence(p, id, h.evidence) });
  fields.push({
    field: 'retention',
    prompt: async (p, id, h) =>
      h.evidence === 'kept' || h.evidence === 'partial'
        ? (
            await text(
              p,
              `How long is ${id}'s evidence kept (e.g. P90D, P1Y; empty if never deleted)?`,
              h.retention,
              validDuration,
            )
          )?.toUpperCase()
        : undefined,
  });
  return fields;
}

function askEvidence(p: Prompter, id: string, current: EvidenceKept | undefined): Promise<EvidenceKept> {
  return p.select<EvidenceKept>(
    `Does every run of ${id} leave evidence that is kept?`,
    [
      { name: 'Not kept', value: 'not-kept' },
      { name: 'Partly kept', value: 'partial' },
      { name: 'Kept for every run', value: 'kept' },
      'separator',
      { name: 'Not sure', value: 'not-sure' },
    ],
    current,
  );
}
