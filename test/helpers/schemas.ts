import ajvDraft04, { type ValidateFunction } from 'ajv-draft-04';
import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';

const junitXsd = readFileSync(new URL('../fixtures/schemas/junit.xsd', import.meta.url), 'utf8');

/** Validates JUnit XML against the Ant-style XSD in test/fixtures/schemas (xmllint, offline). */
export async function validateJUnit(xml: string) {
  return validateXML({
    xml: [{ fileName: 'report.xml', contents: xml }],
    schema: [{ fileName: 'junit.xsd', contents: junitXsd }],
  });
}

// ajv-draft-04 is CommonJS with `module.exports = Ajv` and `exports.default = Ajv`. Under NodeNext,
// TypeScript types the default import as the whole module, so the class is its `.default`.
const AjvDraft04 = ajvDraft04.default;
let sarifValidator: ValidateFunction | undefined;

/** Errors of a SARIF log against the official 2.1.0 schema (vendored, draft-04); [] when valid. */
export function sarifErrors(log: unknown): string[] {
  if (!sarifValidator) {
    const schema = JSON.parse(
      readFileSync(new URL('../fixtures/schemas/sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8'),
    );
    // unicodeRegExp: false — one of the schema's patterns is not a valid unicode-mode regex.
    sarifValidator = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false, logger: false }).compile(
      schema,
    );
  }
  return sarifValidator(log) ? [] : (sarifValidator.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
