import { hit, read, usable, type Field, type Hit } from './hits';

type Json = Record<string, unknown>;

/** A JSON-LD value as text: the first of an array, the `name` of an object (Organization, Country). */
function str(v: unknown): string | undefined {
  if (Array.isArray(v)) v = v[0];
  if (v && typeof v === 'object') v = (v as Json).name;
  return typeof v === 'string' ? v : undefined;
}

/** JSON-LD: every `@type: Person`, at the top, in arrays, in `@graph` and as a page's `mainEntity`. */
function jsonLd(node: unknown, el: Element, hits: Hit[]): void {
  if (Array.isArray(node)) return node.forEach((n) => jsonLd(n, el, hits));
  if (!node || typeof node !== 'object') return;
  const o = node as Json;
  if ([o['@type']].flat().some((t) => /\bPerson$/.test(String(t)))) {
    hit(hits, 'fullName', str(o.name), el, 0);
    hit(hits, 'firstName', str(o.givenName), el, 0);
    hit(hits, 'lastName', str(o.familyName), el, 0);
    hit(hits, 'email', str(o.email)?.replace(/^mailto:/i, ''), el, 0);
    hit(hits, 'phone', str(o.telephone), el, 0);
    hit(hits, 'company', str(o.worksFor), el, 0);
    hit(hits, 'country', str(([o.address].flat()[0] as Json | undefined)?.addressCountry), el, 0);
    for (const s of [o.sameAs].flat()) hit(hits, 'profiles', str(s), el, 0);
  }
  jsonLd(o['@graph'], el, hits);
  jsonLd(o.mainEntity, el, hits);
}

// Microdata itemprop and hCard (classic and microformats2) class names of each field.
const MICRODATA: [string, Field][] = [
  ['name', 'fullName'],
  ['givenName', 'firstName'],
  ['familyName', 'lastName'],
  ['email', 'email'],
  ['telephone', 'phone'],
  ['worksFor', 'company'],
  ['addressCountry', 'country'],
  ['sameAs', 'profiles'],
];
const HCARD: [string, Field][] = [
  ['.fn,.p-name', 'fullName'],
  ['.given-name,.p-given-name', 'firstName'],
  ['.family-name,.p-family-name', 'lastName'],
  ['.email,.u-email', 'email'],
  ['.tel,.p-tel', 'phone'],
  ['.org,.p-org', 'company'],
  ['.country-name,.p-country-name', 'country'],
];

/** Structured data about a person: JSON-LD, schema.org microdata, hCard / h-card. */
export function structured(root: ParentNode, hits: Hit[]): void {
  for (const s of root.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      jsonLd(JSON.parse(s.textContent ?? ''), s, hits);
    } catch {} // broken JSON-LD is common; skip it
  }
  for (const scope of root.querySelectorAll('[itemscope][itemtype$="schema.org/Person"]')) {
    if (!usable(scope)) continue;
    for (const [p, k] of MICRODATA) {
      for (const el of scope.querySelectorAll(`[itemprop~=${p}]`)) {
        // The person's own properties, not those of items nested in it (worksFor's name); the country
        // sits in the nested address. <meta itemprop content> is never displayed: check its parent.
        if (p !== 'addressCountry' && el.parentElement!.closest('[itemscope]') !== scope) continue;
        if (!usable(el.localName === 'meta' ? el.parentElement! : el)) continue;
        const v = el.hasAttribute('itemscope') ? el.querySelector('[itemprop~=name]') : el;
        if (v) hit(hits, k, k === 'profiles' ? v.getAttribute('href') : read(v), v, 0);
      }
    }
  }
  for (const card of root.querySelectorAll('.vcard,.h-card')) {
    if (!usable(card)) continue;
    for (const [sel, k] of HCARD) {
      const el = card.querySelector(sel);
      // A typed hCard property ("<span class=type>Work</span> <span class=value>…</span>") keeps it in .value.
      const v = el && (el.querySelector('.value') ?? el);
      if (v && usable(v)) hit(hits, k, read(v), v, 0);
    }
  }
}
