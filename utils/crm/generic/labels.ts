import { text } from '../dom';
import { address, CONTROL, hit, shown, usable, type Field, type Hit } from './hits';

// Label synonyms (English, Spanish, Portuguese, French, German), matched against the label reduced to
// a–z: accents (split off by NFD), case, spaces, hyphens, colons, asterisks and parentheses removed
// ("Apellido(s) *:" → "apellidos", "E-Mail-Adresse" → "emailadresse").
const SYNONYMS: [Field, RegExp][] = [
  ['email', /^(e?mails?(ad(d?resse?))?|correos?(electronicos?)?|courriel|(adresse|enderecode)d?e?mail)$/],
  [
    'phone',
    /^((mobile|work|cell|home)?phones?(numbers?)?|(mobile|work|cell)numbers?|mobile?(telefon)?|tel(e(phone|fono|fone|fon(nummer)?|movel))?|movil|celular|portable|handy|numerodetelefono)$/,
  ],
  ['firstName', /^(first(name)?|givenname|nombre|nome|primeironome|prenom|vorname)$/],
  ['lastName', /^(lastname|surname|familyname|apellidos?|sobrenome|ultimonome|nom(defamille)?|nachname)$/],
  ['fullName', /^((full|contact)?name|nombre(completo|yapellidos)|nomecompleto|nomcomplet)$/],
  ['company', /^(company(name)?|organi[sz]ation|(sales)?accounts?|empresa|compania|societe|entreprise|firma|unternehmen)$/],
  ['country', /^((country|pais)(region)?|pays|land)$/],
];

const key = (s: string): Field | undefined => {
  const n = s.normalize('NFD').toLowerCase().replace(/[^a-z]/g, '');
  return SYNONYMS.find(([, re]) => re.test(n))?.[0];
};

/**
 * Where a label's value is: its `for` target or the control it wraps; for a <dt> the next <dd>, for a
 * <th> the next <td> (a list's header row has none: null); else the next element sibling; else
 * undefined, meaning the text of the label's parent minus the label ("<p><b>Email:</b> a@b.c</p>").
 */
function target(l: Element): Element | null | undefined {
  const id = l.getAttribute('for');
  if (id) return (l.getRootNode() as Document).getElementById?.(id);
  const next = l.nextElementSibling;
  if (/^(dt|th)$/.test(l.localName)) return next?.matches('dd,td') ? next : null;
  return l.querySelector(CONTROL) ?? next ?? undefined;
}

/** Label → value pairs, in `label`, `dt`, `th` and `[class*=label]` elements and via aria-labelledby. */
export function labels(root: ParentNode, hits: Hit[]): void {
  for (const l of root.querySelectorAll('label,dt,th,[class*=label],[class*=Label]')) {
    // A wrapped <select> puts all its options in the label's text: match the label without it.
    const k = key(text(l).replace(text(l.querySelector(CONTROL)), ''));
    if (!k || !usable(l)) continue;
    const v = target(l);
    if (v === undefined) hit(hits, k, shown(l.parentElement ?? l).replace(text(l), ''), l, 1);
    // A value shown as a mailto:/tel: link is read from the link: the text may carry a type ("Work").
    // A "value" that reads like a label is the next cell of a list's header row ("Name" | "Email").
    else if (v && !key(text(v))) {
      hit(hits, k, address(v.querySelector('a[href]')?.getAttribute('href')) ?? shown(v), v, 1);
    }
  }
  // Elements named by other elements' text (ARIA widgets): those labels can be any element.
  for (const v of root.querySelectorAll('[aria-labelledby]')) {
    const doc = v.getRootNode() as Document;
    const name = v.getAttribute('aria-labelledby')!.split(/\s+/).map((id) => text(doc.getElementById?.(id)));
    const k = key(name.join(' '));
    if (k) hit(hits, k, shown(v), v, 1);
  }
}
