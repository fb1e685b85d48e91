import { describe, expect, test } from '@jest/globals';
import type { Control } from '../src/catalog/types.js';
import { keyControlIds } from '../src/cli/verify-workspace.js';
import { freshUntil, GRACE_DAYS } from '../src/evidence/freshness.js';

describe('freshUntil: one period of the frequency plus the grace period', () => {
  test('the grace period is two weeks', () => expect(GRACE_DAYS).toBe(14));
  test.each([
    ['daily', '2026-10-02', '2026-10-17'],
    ['weekly', '2026-10-02', '2026-10-23'],
    ['monthly', '2026-01-31', '2026-03-14'], // Jan 31 + 1 month = Feb 28, + 14 days
    ['quarterly', '2026-10-02', '2027-01-16'],
    ['annually', '2026-03-01', '2027-03-15'],
    ['continuous', '2026-10-02', '2027-01-16'],
    [undefined, '2026-03-01', '2027-03-15'],
  ] as const)('%s evidence collected %s is fresh until %s', (frequency, collected, until) => {
    expect(freshUntil(collected, frequency)).toBe(until);
  });
  test('event-driven evidence never goes stale by date', () => {
    expect(freshUntil('2020-01-01', 'on-event')).toBeUndefined();
  });
});

describe('keyControlIds', () => {
  const control = (id: string, weight: number, key?: boolean) =>
    ({ id, weight, ...(key === undefined ? {} : { key }) }) as Control;
  test('the controls marked key, whatever their weight', () => {
    expect([...keyControlIds([control('A', 3, false), control('B', 1, true), control('C', 2, false)])]).toEqual(['B']);
  });
  test('a library that marks none: its weight-3 controls', () => {
    expect([...keyControlIds([control('A', 3, false), control('B', 1, false), control('C', 3)])]).toEqual(['A', 'C']);
  });
});
