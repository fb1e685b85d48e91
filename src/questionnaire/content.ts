import type { Diagnostic } from '../diagnostics.js';
import { schemaDiagnostics } from '../yaml/schema.js';
import type { Choice } from '../catalog/types.js';
import { parseYamlSource } from '../yaml/source.js';

export interface ScopingQuestion {
  id: string;
  text: string;
}

export interface ScopingCategory {
  category: string;
  why: string;
  questions: ScopingQuestion[];
}

/** criteria/questionnaire.yaml: the default control question and the scoping questions. */
export interface QuestionnaireContent {
  defaultQuestion: { text: string; choices: Choice[] };
  scoping: ScopingCategory[];
}

export function parseQuestionnaire(
  text: string,
  file: string,
): { content?: QuestionnaireContent; diagnostics: Diagnostic[] } {
  const source = parseYamlSource(text, file);
  if (source.diagnostics.length > 0) return { diagnostics: source.diagnostics };
  const diagnostics = schemaDiagnostics('questionnaire', source);
  if (diagnostics.length > 0) return { diagnostics };
  return { content: source.data as QuestionnaireContent, diagnostics };
}

/** Categories recommended by scoping answers: any "yes" for a category recommends it. */
export function recommendedScope(content: QuestionnaireContent, answers: Readonly<Record<string, string>>): string[] {
  return content.scoping.filter((s) => s.questions.some((q) => answers[q.id] === 'yes')).map((s) => s.category);
}
