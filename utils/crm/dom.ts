/**
 * Tiny DOM helpers shared by the CRM adapters. Content scripts must stay small (≤ 12 KB gzip), so
 * no libraries. Everything works in Chromium and in happy-dom, where layout (rects, offsetParent)
 * is always zero: visibility is therefore decided from attributes and computed style only.
 */

/** The parent element, crossing out of an open or closed shadow root into its host. */
function up(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.parentNode;
  return root && 'host' in root ? (root as ShadowRoot).host : null;
}

/**
 * Whether a user can see `el`: neither it nor an ancestor (across shadow hosts) is `hidden`,
 * `aria-hidden="true"` or `display: none`, and it is not `visibility: hidden`. CRMs keep cached
 * records hidden in the DOM this way. `visibility` inherits and a child may override it, so it is
 * read on the element itself; `display` does not inherit, so every ancestor is checked.
 */
export function isVisible(el: Element | null | undefined): boolean {
  if (!el) return false;
  const view = el.ownerDocument.defaultView;
  // In a real browser one native call replaces the style walk below (which costs a computed style
  // per ancestor: milliseconds on a 10,000-node page). Only the ARIA attribute is left to check.
  if (view && el.checkVisibility && el.ownerDocument.documentElement.getBoundingClientRect().width > 0) {
    if (!el.checkVisibility({ visibilityProperty: true })) return false;
    for (let n: Element | null = el; n; n = (n.getRootNode() as ShadowRoot).host ?? null) {
      if (n.closest('[aria-hidden="true"]')) return false;
    }
    return true;
  }
  // A window-less document (DOMParser in some engines) has no computed style: use inline style.
  const style = (n: Element) =>
    view ? view.getComputedStyle(n) : (n as HTMLElement).style as CSSStyleDeclaration | undefined;
  const v = style(el)?.visibility;
  if (v === 'hidden' || v === 'collapse') return false;
  for (let n: Element | null = el; n; n = up(n)) {
    if (n.hasAttribute('hidden') || n.getAttribute('aria-hidden') === 'true') return false;
    if (style(n)?.display === 'none') return false;
  }
  return true;
}

/** Trimmed textContent with runs of whitespace (incl. NBSP) collapsed; '' for null. */
export function text(el: Node | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

const CONTROL = 'input,textarea,select';

/**
 * What a field shows: a form control's value (for a select, the selected option's label, which is
 * what the user sees rather than an internal code), else the element's text, else — for a wrapper
 * rendering an editable control — the value of the control inside it.
 */
export function valueOf(el: Element | null | undefined): string {
  if (!el) return '';
  if (el.matches(CONTROL)) {
    const sel = el as HTMLSelectElement;
    const opt = el.localName === 'select' ? sel.selectedOptions?.[0] : undefined;
    return (opt ? text(opt) : '') || (sel.value ?? '').replace(/\s+/g, ' ').trim();
  }
  const t = text(el);
  if (t) return t;
  const inner = el.querySelector(CONTROL);
  return inner ? valueOf(inner) : '';
}

/** The first element matching `selector` under `root` that is visible (see isVisible). */
export function firstVisible<E extends Element = Element>(root: ParentNode, selector: string): E | null {
  for (const el of root.querySelectorAll<E>(selector)) if (isVisible(el)) return el;
  return null;
}

/** The first match in the light DOM, else the first match inside open shadow roots (depth-first). */
export function queryDeep<E extends Element = Element>(root: ParentNode, selector: string): E | null {
  const hit = root.querySelector<E>(selector);
  if (hit) return hit;
  for (const el of root.querySelectorAll('*')) {
    const found = el.shadowRoot && queryDeep<E>(el.shadowRoot, selector);
    if (found) return found;
  }
  return null;
}

/** Placeholders CRMs print for an empty field: dashes of any kind, "N/A", "(none)", "…". */
const PLACEHOLDER = /^(?:[-‐‑‒–—―−]+|n\/a|\(none\)|…|\.{3})$/i;

/** The trimmed, whitespace-collapsed value, or undefined when it is empty or a placeholder. */
export function clean(s: string | null | undefined): string | undefined {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t && !PLACEHOLDER.test(t) ? t : undefined;
}
