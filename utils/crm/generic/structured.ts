import { hit, read, type Field, type Hit } from './hits';

type Json = Record<string, unknown>;

/** A JSON-LD value as text; an object (Organization, Country) by its `name`. */
const str = (v: unknown): unknown => (v && typeof v === 'object' ? (v as Json).name : v);

// The fields, and the schema.org Person properties (JSON-LD and microdata) and hCard / h-card classes
// that carry them, in the same order. JSON-LD's addressCountry is read from the Person's `address`.
const FIELDS: Field[] = ['fullName', 'firstName', 'lastName', 'email', 'phone', 'company', 'country', 'profiles'];
const PROPS = ['name', 'givenName', 'familyName', 'email', 'telephone', 'worksFor', 'addressCountry', 'sameAs'];
const HCARD = [
  '.fn,.p-name',
  '.given-name,.p-given-name',
  '.family-name,.p-family-name',
  '.email,.u-email',
  '.tel,.p-tel',
  '.org,.p-org',
  '.country-name,.p-country-name',
];

/** JSON-LD: every `@type: Person`, at the top, in arrays, in `@graph` and as a page's `mainEntity`. */
function jsonLd(node: unknown, el: Element, hits: Hit[]): void {
  if (Array.isArray(node)) return node.forEach((n) => jsonLd(n, el, hits));
  if (!node || typeof node !== 'object') return;
  const o = node as Json;
  if ([o['@type']].flat().some((t) => /\bPerson$/.test(String(t)))) {
    PROPS.forEach((p, i) => {
      const v = p === 'addressCountry' ? ([o.address].flat()[0] as Json | undefined)?.addressCountry : o[p];
      // Any property may be an array (sameAs always is): each value is a candidate, the first wins.
      for (const x of [v].flat()) {
        const s = str(x);
        if (typeof s === 'string') hit(hits, FIELDS[i]!, s.replace(/^mailto:/i, ''), el, 0);
      }
    });
  }
  jsonLd(o['@graph'], el, hits);
  jsonLd(o.mainEntity, el, hits);
}

/** Structured data about a person: JSON-LD, schema.org microdata, hCard / h-card. */
export function structured(root: ParentNode, hits: Hit[]): void {
  for (const s of root.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      jsonLd(JSON.parse(s.textContent ?? ''), s, hits);
    } catch {} // broken JSON-LD is common; skip it
  }
  for (const scope of root.querySelectorAll('[itemscope][itemtype$="schema.org/Person"]')) {
    PROPS.forEach((p, i) => {
      const k = FIELDS[i]!;
      for (const el of scope.querySelectorAll(`[itemprop~=${p}]`)) {
        // The person's own properties, not those of items nested in it (worksFor's name); the country
        // sits in the nested address. A nested item (worksFor's Organization) is read by its name.
        if (p !== 'addressCountry' && el.parentElement!.closest('[itemscope]') !== scope) continue;
        const v = el.hasAttribute('itemscope') ? el.querySelector('[itemprop~=name]') : el;
        if (v) hit(hits, k, k === 'profiles' ? v.getAttribute('href') : read(v), v, 0);
      }
    });
  }
  for (const card of root.querySelectorAll('.vcard,.h-card')) {
    HCARD.forEach((sel, i) => {
      const el = card.querySelector(sel);
      // A typed hCard property ("<span class=type>Work</span> <span class=value>…</span>") keeps it in .value.
      const v = el && (el.querySelector('.value') ?? el);
      if (v) hit(hits, FIELDS[i]!, read(v), v, 0);
    });
  }
}
