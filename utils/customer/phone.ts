import { parsePhoneNumberFromString, validatePhoneNumberLength, type CountryCode } from 'libphonenumber-js/min';

/** Why a phone was rejected; `normaliseCustomer` turns these into sentences. */
export type PhoneProblem = 'empty' | 'masked' | 'too-short' | 'too-long' | 'no-country' | 'invalid';

export type PhoneResult = { ok: true; phone: string } | { ok: false; problem: PhoneProblem };

// A trailing extension: "ext. 23", "extension 23", "x23", "#23" (tel: URIs' ";ext=23" goes with the ";").
const EXTENSION = /\s*(?:ext\.?|extension|ext|x|#)\s*\d{1,6}\s*$/i;
// What CRMs show instead of hidden digits: "******0100", "•••", "+1 415 XXX 0100".
const MASK = /[*•●·∙x]/i;

/** Like `normalisePhone`, but says why a value was rejected. */
export function parsePhone(s: string | null | undefined, defaultCountry?: string): PhoneResult {
  if (typeof s !== 'string') return { ok: false, problem: 'empty' };
  let v = s.trim().replace(/^tel:/i, '');
  const semi = v.indexOf(';'); // tel:+1-415-555-0100;ext=23;phone-context=…
  if (semi >= 0) v = v.slice(0, semi);
  try {
    v = decodeURIComponent(v);
  } catch {
    // keep as is
  }
  v = v.replace(EXTENSION, '').trim();
  if (!v) return { ok: false, problem: 'empty' };
  if (MASK.test(v)) return { ok: false, problem: 'masked' };
  if (!/\d/.test(v)) return { ok: false, problem: 'invalid' };

  const country = defaultCountry && /^[a-z]{2}$/i.test(defaultCountry) ? (defaultCountry.toUpperCase() as CountryCode) : undefined;
  if (!country) {
    // Without a region only an international number can be read: "+…" or the common "00…" prefix.
    if (/^00/.test(v)) v = '+' + v.slice(2);
    else if (!v.startsWith('+')) return { ok: false, problem: 'no-country' };
  }
  const length = validatePhoneNumberLength(v, country);
  if (length === 'TOO_SHORT') return { ok: false, problem: 'too-short' };
  if (length === 'TOO_LONG') return { ok: false, problem: 'too-long' };
  const n = parsePhoneNumberFromString(v, country);
  if (!n || !n.isValid()) return { ok: false, problem: 'invalid' };
  return { ok: true, phone: n.number };
}

/**
 * A phone as shown on a page (or a `tel:` href) → E.164 (`+5491155550000`), or undefined when it
 * is masked, too short/long, invalid, or national with no `defaultCountry` (alpha-2) to read it by.
 * Extensions are dropped.
 */
export function normalisePhone(s: string | null | undefined, defaultCountry?: string): string | undefined {
  const r = parsePhone(s, defaultCountry);
  return r.ok ? r.phone : undefined;
}
