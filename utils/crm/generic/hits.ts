import { clean, isVisible, valueOf } from '../dom';
import type { RawCustomer } from '../types';

export type Field = keyof RawCustomer;

/** One value found on the page: its field, raw text, where it is, and its source's rank (lower wins). */
export interface Hit {
  k: Field;
  v: string;
  el: Element;
  r: number;
  /** On a page with several emails: the (lower-cased) email of the record the hit belongs to. */
  owner?: string;
}

/**
 * A person's own page on LinkedIn, X/Twitter, Facebook or Instagram: one path segment (LinkedIn:
 * /in/<slug>), not a share/intent/post link or a site section (x.com/home, instagram.com/explore).
 */
const SOCIAL =
  /^https?:\/\/([\w-]+\.)?(linkedin\.com\/in\/[^/?#]+|(x|twitter|facebook|instagram)\.com\/(?!(share|sharer|intent|home|search|explore|login|watch)\b)[\w.-]+)\/?([?#].*)?$/i;

/** Values a field must look like; anything else (a "Send email" button, a masked "******0100") is noise. */
const SHAPE: Partial<Record<Field, RegExp>> = {
  email: /^[^\s@*]+@[^\s@*]+$/,
  phone: /^[^*]*\d[^*]*$/,
  profiles: SOCIAL,
};

/**
 * Records `v`, found in `el`, as a candidate for field `k` when it is non-empty, has the field's shape
 * and `el` is usable. Visibility is checked last, as it is the costly test. A JSON-LD <script> is
 * never displayed, nor is a microdata <meta>: for that, its parent counts.
 */
export function hit(hits: Hit[], k: Field, v: string | null | undefined, el: Element, r: number): void {
  const c = clean(v);
  if (!c || !(SHAPE[k]?.test(c) ?? true)) return;
  if (el.localName === 'script' || usable(el.localName === 'meta' ? el.parentElement! : el)) hits.push({ k, v: c, el, r });
}

// Never the customer: our own button, and the site's navigation, banner and footer landmarks.
const CHROME = 'rayapp-notifier,nav,[role=navigation],[role=banner],[role=contentinfo],header,footer';

/**
 * Whether `el` is visible and part of the page's content. <header>/<footer> are landmarks only at
 * page level: inside an article/aside/main/section they are a card's own header (a record's name).
 */
export function usable(el: Element): boolean {
  const c = el.closest(CHROME);
  const card = !!c?.matches('header,footer') && !!c.parentElement?.closest('article,aside,main,section');
  return (!c || card) && isVisible(el);
}

/** mailto:/tel:/callto:/sms: links: [scheme, address without its ?query]. */
const SCHEME = /^\s*(mailto|tel|callto|sms):([^?#]*)/i;

/** The address of a mailto:/tel:… href (percent-decoded; a mailto's first recipient), else undefined. */
export function address(href: string | null | undefined): string | undefined {
  const m = SCHEME.exec(href ?? '');
  if (!m) return;
  let s = m[2]!;
  try {
    s = decodeURIComponent(s);
  } catch {} // a stray "%" is text
  return s.split(',')[0];
}

export const CONTROL = 'input,textarea,select';

/**
 * What `el` shows: its text without that of hidden descendants (a "Copied!" tooltip, a cached copy);
 * for a form control, or an element with no text of its own, valueOf (a control's value).
 */
export function shown(el: Element): string {
  let s = '';
  const walk = el.ownerDocument.createTreeWalker(el, 4); // NodeFilter.SHOW_TEXT
  while (walk.nextNode()) if (isVisible(walk.currentNode.parentElement)) s += walk.currentNode.nodeValue;
  return (!el.matches(CONTROL) && clean(s)) || valueOf(el);
}

/** What a structured-data property says: a mailto:/tel: link's address, a `content` attribute, else its text. */
export const read = (el: Element): string =>
  address(el.getAttribute('href')) ?? el.getAttribute('content') ?? shown(el);
