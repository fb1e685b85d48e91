/**
 * Validates OSCAL assessment results against the NIST complete schemas vendored in
 * test/fixtures/schemas/oscal (see PROVENANCE.md). A missing file or a changed hash throws, so the
 * tests that use this fail instead of silently skipping.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const OSCAL_SCHEMAS = {
  '1.1.3': {
    file: 'oscal_complete_schema-1-1-3.json',
    sha256: '078848cb4000024a65679110f6ee2d99b300b06471a33fc536b19b670b65aa51',
  },
  '1.2.2': {
    file: 'oscal_complete_schema-1-2-2.json',
    sha256: 'cc97fde238ad26fc2f40c55115c12bb624ee9952bdcc7d4d8ebb04bb37496685',
  },
} as const;
export type SchemaVersion = keyof typeof OSCAL_SCHEMAS;

// ajv-formats is CommonJS (`module.exports = formatsPlugin` plus `.default`); under NodeNext the
// default import is the whole module.
const addFormats = addFormatsModule.default;
const validators = new Map<SchemaVersion, ValidateFunction>();

/** The vendored schema's text, after checking its pinned SHA-256. */
export function oscalSchemaText(version: SchemaVersion): string {
  const { file, sha256 } = OSCAL_SCHEMAS[version];
  const bytes = readFileSync(new URL(`../fixtures/schemas/oscal/${file}`, import.meta.url));
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== sha256) throw new Error(`${file}: SHA-256 ${actual}, expected ${sha256} (see PROVENANCE.md)`);
  return bytes.toString('utf8');
}

function validatorFor(version: SchemaVersion): ValidateFunction {
  const cached = validators.get(version);
  if (cached) return cached;
  const complete = JSON.parse(oscalSchemaText(version));
  // OSCAL's own Ajv instance: draft-07, unicode regexps on (\p{L} in tokens), formats checked.
  const ajv = new Ajv({ allErrors: true, strict: false, logger: false });
  addFormats(ajv);
  ajv.addSchema(complete);
  const key = Object.keys(complete.definitions).find((k) => k.endsWith('oscal-ar:assessment-results'));
  // A wrapper instead of the root oneOf over eight models, whose errors are unreadable.
  const validate = ajv.compile({
    type: 'object',
    required: ['assessment-results'],
    additionalProperties: false,
    properties: {
      $schema: { type: 'string' },
      'assessment-results': { $ref: `${complete.$id}#/definitions/${key}` },
    },
  });
  validators.set(version, validate);
  return validate;
}

/** Errors of an assessment-results document under one schema version; [] when valid. */
export function oscalErrors(doc: unknown, version: SchemaVersion): string[] {
  const validate = validatorFor(version);
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
