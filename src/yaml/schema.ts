import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { error, type Diagnostic } from '../diagnostics.js';
import { schemaDir } from '../runtime/paths.js';
import { requireBuilt, vendor } from '../runtime/vendor.js';
import { closest } from '../text/suggest.js';
import type { PathSegment, YamlSource } from './source.js';

export type SchemaName = 'catalog' | 'controls' | 'config' | 'answers' | 'questionnaire';

const compiled = new Map<SchemaName, ValidateFunction>();

/** A validator for one of the JSON Schemas under criteria/schema/, compiled once per process. */
export function validatorFor(name: SchemaName): ValidateFunction {
  const cached = compiled.get(name);
  if (cached) return cached;
  const prebuilt = precompiled(name);
  if (prebuilt) {
    compiled.set(name, prebuilt);
    return prebuilt;
  }
  // ajv is CommonJS; require keeps the NodeNext default-export trap out of the way.
  const { Ajv } = vendor<typeof import('ajv')>('ajv');
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
  const schema = JSON.parse(readFileSync(join(schemaDir, `${name}.schema.json`), 'utf8'));
  const validate = ajv.compile(schema);
  compiled.set(name, validate);
  return validate;
}

/**
 * The standalone validator generated at build time (scripts/build-content.js) into dist/validators:
 * loading it takes ~7 ms, compiling the schema at run time ~100 ms. Absent when running from src/.
 */
function precompiled(name: SchemaName): ValidateFunction | undefined {
  return requireBuilt<ValidateFunction>('validators', `${name}.cjs`);
}

/** Validates parsed YAML against a schema; every violation becomes a positioned `schema` diagnostic. */
export function schemaDiagnostics(name: SchemaName, source: YamlSource): Diagnostic[] {
  return schemaCheck(name, source).diagnostics;
}

/** Like schemaDiagnostics, plus the data path of every violation (to keep the valid parts of a file). */
export function schemaCheck(
  name: SchemaName,
  source: YamlSource,
): { diagnostics: Diagnostic[]; paths: PathSegment[][] } {
  const validate = validatorFor(name);
  if (validate(source.data)) return { diagnostics: [], paths: [] };
  const errors = (validate.errors ?? []).filter(isReportable);
  return {
    diagnostics: errors.map((e) => toDiagnostic(e, source)),
    paths: errors.map((e) => pointerToPath(e.instancePath)),
  };
}

/** ajv also reports the `if` keyword itself after a failing `then`; the `then` error says it all. */
function isReportable(e: ErrorObject): boolean {
  return e.keyword !== 'if';
}

function toDiagnostic(e: ErrorObject, source: YamlSource): Diagnostic {
  const path = pointerToPath(e.instancePath);
  // For `required` and unknown-field errors the path is the object itself, not one of its fields.
  const owner = describeOwner(source.data, path, e.keyword === 'required' || e.keyword === 'additionalProperties');
  const field = path.length > 0 ? String(path[path.length - 1]) : undefined;
  const inMap = owner === 'the file' && path.length >= 2 ? ` in "${String(path[path.length - 2])}"` : ` of ${owner}`;
  const subject = field !== undefined && typeof path[path.length - 1] === 'string' ? `"${field}"${inMap}` : owner;
  const { message, hint, keyPath } = explain(e, subject, owner, path);
  const pos = source.locate(keyPath ?? path, { key: keyPath !== undefined });
  return error('schema', message, { file: source.file, ...pos, hint });
}

interface Explanation {
  message: string;
  hint?: string;
  /** Point at this mapping key instead of the value (unknown fields). */
  keyPath?: PathSegment[];
}

function explain(e: ErrorObject, subject: string, owner: string, path: PathSegment[]): Explanation {
  const p = e.params as Record<string, unknown>;
  const got = shortJson(e.data);
  switch (e.keyword) {
    case 'required':
      return { message: `${capitalise(owner)} is missing the required field "${p.missingProperty}".` };
    case 'additionalProperties': {
      const name = String(p.additionalProperty);
      const allowed = Object.keys((e.parentSchema as { properties?: object })?.properties ?? {});
      const near = closest(name, allowed);
      return {
        message: `${capitalise(owner)} has an unknown field "${name}".`,
        hint: near.length > 0 ? `Did you mean "${near[0]}"?` : `Allowed fields: ${allowed.join(', ')}.`,
        keyPath: [...path, name],
      };
    }
    case 'type':
      return { message: `${capitalise(subject)} must be ${typeName(String(p.type))} (got ${got}).` };
    case 'const':
      return { message: `${capitalise(subject)} must be ${JSON.stringify(p.allowedValue)} (got ${got}).` };
    case 'enum':
      return {
        message: `${capitalise(subject)} must be one of ${(p.allowedValues as unknown[]).join(', ')} (got ${got}).`,
      };
    case 'pattern':
      return {
        // The owner already names an id value ("id" of control "GOV 02"): don't print it twice.
        message: `${capitalise(subject)}${subject.includes(got) ? '' : ` ${got}`} has the wrong form.`,
        hint: (e.parentSchema as { description?: string })?.description,
      };
    case 'minItems':
    case 'minLength':
      return { message: `${capitalise(subject)} must not be empty.` };
    default:
      return { message: `${capitalise(subject)} ${e.message ?? 'is invalid'} (got ${got}).` };
  }
}

function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * Names the innermost identifiable thing above a path: a list entry with an id (control "ACC-01",
 * exclusion "CC6.4"), an entry of a map keyed by id (answer "ACC-01.scope"), or entry 2 of "scope".
 */
function describeOwner(data: unknown, path: PathSegment[], pathIsOwner = false): string {
  let node: unknown = data;
  let label = 'the file';
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    if (typeof segment === 'string' && i === path.length - 1 && !pathIsOwner) break; // the field itself, named by the caller
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
    const collection = i > 0 ? String(path[i - 1]) : '';
    const kind = collection === 'criteria' ? 'link' : collection.replace(/ies$/, 'y').replace(/s$/, '');
    if (typeof segment === 'string') {
      if (i > 0 && typeof path[i - 1] === 'string' && node !== null && typeof node === 'object')
        label = `${kind} "${segment}"`;
      else if (i === 0 && pathIsOwner && path.length === 1) label = `"${segment}"`; // a top-level section, e.g. "engagement"
      continue;
    }
    const record = node !== null && typeof node === 'object' ? (node as Record<string, unknown>) : {};
    const id = record.id ?? record.criterion ?? record.name;
    label = typeof id === 'string' ? `${kind} "${id}"` : `entry ${segment + 1} of "${collection}"`;
  }
  return label;
}

/** The offending value for a message: JSON, cut short, never throwing. */
function shortJson(value: unknown): string {
  const kind = yamlOnlyKind(value);
  if (kind !== undefined) return kind;
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = Array.isArray(value) ? 'a list' : 'a mapping';
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Values YAML tags can make that JSON would misprint (a set as {}, .nan as null). */
function yamlOnlyKind(value: unknown): string | undefined {
  if (value instanceof Set) return 'a set';
  if (value instanceof Map) return 'a mapping';
  if (value instanceof Uint8Array) return 'binary data';
  if (value instanceof Date) return 'a timestamp';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return undefined;
}

function typeName(type: string): string {
  const names: Record<string, string> = {
    array: 'a list',
    object: 'a mapping',
    string: 'text',
    integer: 'a whole number',
    number: 'a number',
    boolean: 'true or false',
  };
  return type
    .split(',')
    .map((t) => names[t] ?? t)
    .join(' or ');
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
