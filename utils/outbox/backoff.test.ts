import { describe, expect, it } from 'vitest';
import { backoffDelay, parseRetryAfter } from './backoff';

const T0 = Date.UTC(2024, 4, 6, 7, 8, 0);
const MINUTE = 60_000;

describe('backoffDelay', () => {
  it('"full jitter" between half and all of a ceiling that doubles from 2 s', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, () => 0))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, () => 1))).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, () => 0.5))).toEqual([1_500, 3_000, 6_000, 12_000]);
  });

  it('grows with every attempt for any fixed jitter', () => {
    for (const r of [0, 0.3, 0.99]) {
      const delays = Array.from({ length: 12 }, (_, i) => backoffDelay(i + 1, () => r));
      for (let i = 1; i < 10; i++) expect(delays[i]).toBeGreaterThan(delays[i - 1]!);
    }
  });

  it('is capped at 30 minutes, even after very many attempts', () => {
    expect(backoffDelay(11, () => 1)).toBe(30 * MINUTE);
    expect(backoffDelay(50, () => 1)).toBe(30 * MINUTE);
    expect(backoffDelay(5_000, () => 0)).toBe(15 * MINUTE);
    expect(Number.isFinite(backoffDelay(5_000))).toBe(true);
  });

  it('attempt 0 (or less) waits like the first', () => {
    expect(backoffDelay(0, () => 0.5)).toBe(1_500);
    expect(backoffDelay(-3, () => 0.5)).toBe(1_500);
  });

  it('spreads clients out: the default jitter is random, within bounds', () => {
    const delays = Array.from({ length: 200 }, () => backoffDelay(3));
    for (const d of delays) {
      expect(d).toBeGreaterThanOrEqual(4_000);
      expect(d).toBeLessThanOrEqual(8_000);
    }
    expect(new Set(delays).size).toBeGreaterThan(10);
  });
});

describe('parseRetryAfter', () => {
  it.each<[string | null | undefined, number | undefined]>([
    [undefined, undefined],
    [null, undefined],
    ['', undefined],
    ['   ', undefined],
    ['soon', undefined],
    ['2', 2_000],
    [' 2 ', 2_000],
    ['0', 0],
    ['120', 120_000],
    ['999999999', 24 * 3_600_000], // capped at a day
  ])('%o → %o ms', (value, expected) => {
    expect(parseRetryAfter(value, T0)).toBe(expected);
  });

  it('an HTTP date → milliseconds from now', () => {
    expect(parseRetryAfter(new Date(T0 + 7_000).toUTCString(), T0)).toBe(7_000);
    expect(parseRetryAfter('Mon, 06 May 2024 07:10:00 GMT', T0)).toBe(2 * MINUTE);
  });

  it('an HTTP date in the past → 0; one far ahead → capped at a day', () => {
    expect(parseRetryAfter(new Date(T0 - 60_000).toUTCString(), T0)).toBe(0);
    expect(parseRetryAfter(new Date(T0 + 30 * 24 * 3_600_000).toUTCString(), T0)).toBe(24 * 3_600_000);
  });
});
