/**
 * The operating-history block `assess` asks after a control's questions when an engagement is set:
 * since when it operates, when it last ran (periodic) or how often it is triggered (event-driven),
 * whether evidence is kept and for how long. Every answer is saved at once; an entry without `at`
 * is an unfinished block, resumed at its first missing field.
 */
import type { Frequency } from '../catalog/types.js';
import { durationDays, isDate } from '../engagement/dates.js';
import type { EvidenceKept, OperatingHistory } from '../engagement/operations.js';
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
    const go = await prompter.select(`Record the operating history of ${step.controlId} now?`, [
      { name: 'Record it (a few short questions)', value: 'record' },
      { name: 'Skip for now (counts as not sure)', value: 'skip' },
    ]);
    if (go === 'skip') return save({ at: step.now() });
  }
  for (const ask of fieldsFor(step.frequency)) {
    if (!review && history[ask.field] !== undefined) continue;
    const value = await ask.prompt(prompter, step.controlId, history);
    if (value !== undefined) save({ [ask.field]: value });
  }
  save({ at: step.now() });
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
