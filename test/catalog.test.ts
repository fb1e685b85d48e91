import { describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { parseCatalog } from '../src/catalog/catalog.js';
import { checkRules } from '../src/catalog/rules.js';
import { catalog as tiny, control } from './helpers/world.js';
import { readBuiltinCatalog } from '../src/project/load.js';
import { builtinCatalogFile } from '../src/runtime/paths.js';

const catalog = readBuiltinCatalog();

/**
 * The number of points of focus per criterion in the AICPA 2017 TSC with revised points of focus (2022),
 * counted from the published document. Guards against a phrase being lost or duplicated.
 */
const POINTS_OF_FOCUS: Record<string, number> = {
  'CC1.1': 5,
  'CC1.2': 4,
  'CC1.3': 6,
  'CC1.4': 7,
  'CC1.5': 6,
  'CC2.1': 9,
  'CC2.2': 13,
  'CC2.3': 12,
  'CC3.1': 16,
  'CC3.2': 9,
  'CC3.3': 5,
  'CC3.4': 6,
  'CC4.1': 8,
  'CC4.2': 3,
  'CC5.1': 6,
  'CC5.2': 4,
  'CC5.3': 6,
  'CC6.1': 13,
  'CC6.2': 3,
  'CC6.3': 4,
  'CC6.4': 4,
  'CC6.5': 1,
  'CC6.6': 4,
  'CC6.7': 4,
  'CC6.8': 5,
  'CC7.1': 5,
  'CC7.2': 4,
  'CC7.3': 7,
  'CC7.4': 14,
  'CC7.5': 6,
  'CC8.1': 18,
  'CC9.1': 2,
  'CC9.2': 13,
  'A1.1': 3,
  'A1.2': 11,
  'A1.3': 2,
  'C1.1': 3,
  'C1.2': 2,
  'PI1.1': 3,
  'PI1.2': 3,
  'PI1.3': 5,
  'PI1.4': 4,
  'PI1.5': 4,
  'P1.1': 7,
  'P2.1': 6,
  'P3.1': 4,
  'P3.2': 2,
  'P4.1': 1,
  'P4.2': 2,
  'P4.3': 3,
  'P5.1': 5,
  'P5.2': 4,
  'P6.1': 4,
  'P6.2': 1,
  'P6.3': 1,
  'P6.4': 3,
  'P6.5': 2,
  'P6.6': 2,
  'P6.7': 3,
  'P7.1': 2,
  'P8.1': 6,
};

describe('messages name the framework of the loaded catalog', () => {
  const minimal = [
    'framework: Demo Criteria',
    'version: "1"',
    'source: https://example.com/demo',
    'categories: [{ id: security, name: Security, optional: false, summary: Always. }]',
    'criteria: [{ id: D1.1, category: security, series: D1 Demo, title: A demo criterion }]',
  ];

  test('shortName as written; without one, the framework', () => {
    expect(catalog.shortName).toBe('TSC 2017');
    expect(parseCatalog([...minimal, 'shortName: Demo 1'].join('\n'), 'demo.yaml').catalog?.shortName).toBe('Demo 1');
    expect(parseCatalog(minimal.join('\n'), 'demo.yaml').catalog?.shortName).toBe('Demo Criteria');
  });

  test('an unknown criterion is "not a <shortName> criterion" for controls, exclusions and subservice', () => {
    const named = { ...tiny, shortName: 'Demo 1' };
    const diagnostics = checkRules({
      catalog: named,
      controls: [control('X-1', ['ZZ1.1'])],
      scope: new Set(['security']),
      exclusions: [{ criterion: 'ZZ2.2', reason: 'r' }],
      subservice: [
        { name: 'Cloud', services: [], method: 'carve-out', criteria: ['ZZ3.3'], csocs: [], monitoredBy: ['X-1'] },
      ],
    });
    expect(diagnostics.filter((d) => d.code === 'unknown-criterion').map((d) => d.message)).toEqual([
      'Control "X-1" maps to "ZZ1.1", which is not a Demo 1 criterion.',
      'Exclusion names "ZZ2.2", which is not a Demo 1 criterion.',
      'Subservice organisation "Cloud" names "ZZ3.3", which is not a Demo 1 criterion.',
    ]);
  });
});

describe('the built-in TSC 2017 catalog', () => {
  test('parses without diagnostics', () => {
    const { diagnostics } = parseCatalog(readFileSync(builtinCatalogFile, 'utf8'), 'tsc-2017.yaml');
    expect(diagnostics).toEqual([]);
  });

  test('has exactly 61 criteria with unique ids', () => {
    expect(catalog.criteria).toHaveLength(61);
    expect(new Set(catalog.criteria.map((c) => c.id)).size).toBe(61);
  });

  test('has the five categories in document order, Security the only mandatory one', () => {
    expect(catalog.categories.map((c) => [c.id, c.optional])).toEqual([
      ['security', false],
      ['availability', true],
      ['confidentiality', true],
      ['processing-integrity', true],
      ['privacy', true],
    ]);
  });

  test('counts 33/3/2/5/18 criteria per category', () => {
    const count = (id: string) => catalog.criteria.filter((c) => c.category === id).length;
    expect(catalog.categories.map((c) => count(c.id))).toEqual([33, 3, 2, 5, 18]);
  });

  test('lists the criteria in AICPA document order: CC1..CC9, A1, C1, PI1, P1..P8', () => {
    const series = [...new Set(catalog.criteria.map((c) => c.series.split(' ')[0]))];
    expect(series).toEqual([
      'CC1',
      'CC2',
      'CC3',
      'CC4',
      'CC5',
      'CC6',
      'CC7',
      'CC8',
      'CC9',
      'A1',
      'C1',
      'PI1',
      'P1',
      'P2',
      'P3',
      'P4',
      'P5',
      'P6',
      'P7',
      'P8',
    ]);
    expect(catalog.criteria.slice(0, 6).map((c) => c.id)).toEqual([
      'CC1.1',
      'CC1.2',
      'CC1.3',
      'CC1.4',
      'CC1.5',
      'CC2.1',
    ]);
    expect(catalog.criteria.slice(-3).map((c) => c.id)).toEqual(['P6.7', 'P7.1', 'P8.1']);
  });

  test('every criterion id starts with its series code', () => {
    for (const c of catalog.criteria) expect(c.id.startsWith(`${c.series.split(' ')[0]}.`)).toBe(true);
  });

  test('points of focus: the 2022 count for every criterion, 330 in all', () => {
    const counts = Object.fromEntries(catalog.criteria.map((c) => [c.id, c.pointsOfFocus.length]));
    expect(counts).toEqual(POINTS_OF_FOCUS);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(330);
  });

  test('points of focus are short prompts, none repeated within a criterion', () => {
    for (const c of catalog.criteria) {
      expect(new Set(c.pointsOfFocus).size).toBe(c.pointsOfFocus.length);
      for (const p of c.pointsOfFocus) expect(p.split(/\s+/).length).toBeLessThanOrEqual(18);
    }
  });

  test('wording avoids the vague terms auditors push back on', () => {
    const text = JSON.stringify(catalog);
    expect(text).not.toMatch(/\b(appropriate(ly)?|adequate(ly)?|proper(ly)?|sufficient(ly)?)\b/i);
    expect(text).not.toMatch(/certif(ied|ication)/i);
  });
});
