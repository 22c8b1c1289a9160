/** First retry after ~2 s, doubling up to 30 min; "full jitter" so many clients don't retry in step. */
const BASE_MS = 2_000;
const MAX_MS = 30 * 60_000;

export function backoffDelay(attempts: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** `Retry-After` as delta-seconds or an HTTP date → milliseconds from now; undefined when absent or nonsense. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, 24 * 3_600_000);
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, Math.min(at - now, 24 * 3_600_000));
}
