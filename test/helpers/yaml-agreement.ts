import { expect } from '@jest/globals';
import { parseSimpleYaml } from '../../src/yaml/simple.js';
import { parseYamlSource, type PathSegment } from '../../src/yaml/source.js';

/** Every path into `data`, plus one missing child of each collection (locate falls back to the parent). */
export function pathsOf(data: unknown, prefix: PathSegment[] = []): PathSegment[][] {
  const paths: PathSegment[][] = [prefix];
  if (Array.isArray(data)) {
    data.forEach((item, i) => paths.push(...pathsOf(item, [...prefix, i])));
    paths.push([...prefix, data.length], [...prefix, 'missing']);
  } else if (data !== null && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) paths.push(...pathsOf(value, [...prefix, key]));
    paths.push([...prefix, 'missing-key'], [...prefix, 0]);
  }
  return paths;
}

/**
 * The fast reader's contract: when it reads a text, the data and every position (of each node and
 * each key, and of missing paths) are exactly what `yaml` gives. Returns whether the fast path read it.
 */
export function expectFastAgreesWithYaml(text: string): boolean {
  if (!parseSimpleYaml(text)) return false;
  const fast = parseYamlSource(text, 'f.yaml');
  const full = parseYamlSource(text, 'f.yaml', { fast: false });
  // A text yaml rejects must never be read by the fast path (its errors would be lost).
  expect(full.diagnostics).toEqual([]);
  expect(fast.data).toEqual(full.data);
  for (const path of pathsOf(full.data)) {
    for (const key of [false, true]) {
      const got = fast.locate(path, { key });
      const want = full.locate(path, { key });
      if (got?.line !== want?.line || got?.column !== want?.column) {
        throw new Error(
          `position of ${JSON.stringify(path)} key=${key}: fast ${JSON.stringify(got)}, yaml ${JSON.stringify(want)}\n${text}`,
        );
      }
    }
  }
  return true;
}
