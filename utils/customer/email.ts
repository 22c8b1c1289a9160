/**
 * A sensible email shape (ASCII, like RayApp's own checks are likely to be): a dot-atom local
 * part, then a domain of at least two labels whose last label is alphabetic (or an `xn--` IDN).
 * Shared with `interactionUserSchema` so the normaliser and the contract never disagree.
 */
export const EMAIL_RE =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/** How CRMs hide part of an address: "j***@example.com", "ja••••@gmail.com". */
export const MASKED_EMAIL = /\*{2,}|[•●]/;

/**
 * `"  Jane.Doe@Example.COM "`, `"mailto:jane%40example.com?subject=Hi"` or `"Jane <jane@x.io>"`
 * → `"jane.doe@example.com"`; undefined when what remains doesn't look like an email, or is masked.
 */
export function normaliseEmail(s: string | null | undefined): string | undefined {
  if (typeof s !== 'string') return undefined;
  let v = s.trim();
  const angled = /<([^<>]*)>\s*$/.exec(v); // "Jane Doe <jane@x.io>"
  if (angled) v = angled[1] ?? '';
  v = v.replace(/^mailto:/i, '');
  const q = v.indexOf('?');
  if (q >= 0) v = v.slice(0, q);
  try {
    v = decodeURIComponent(v);
  } catch {
    // a stray "%" that isn't an escape: keep the text as it is
  }
  v = v.trim().toLowerCase();
  return v.length <= 254 && EMAIL_RE.test(v) && !MASKED_EMAIL.test(v) ? v : undefined;
}
