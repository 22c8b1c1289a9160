import { clean, firstVisible, isVisible } from './dom';
import type { CrmAdapter, RawCustomer } from './types';

// Salesforce Lightning Contact and Lead record pages. Evidence: /work/shared/CRM_DOM_NOTES.md
// ("Salesforce Lightning — Contact / Lead"). Fields are found by their locale-independent
// data-target-selection-name first; the localised field labels (English, Spanish) are fallbacks.
// Base components may render real open shadow roots, so every lookup also walks open shadow roots.

// My Domain hosts: acme.lightning.force.com, acme--uat.sandbox.lightning.force.com, … Only Lightning
// Experience: *.my.salesforce.com serves Classic and redirects Lightning URLs here.
const HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.lightning\.force\.com$/i;
// /lightning/r/Contact/<15|18-char id>/view (console apps add ?ws=… to the query, not the path).
const RECORD_PATH = /^\/lightning\/r\/(?:Contact|Lead)\/[a-z0-9]{15}(?:[a-z0-9]{3})?\/view\/?$/i;

// The record page; previously visited ones stay in the DOM, hidden.
const ROOT = 'one-record-home-flexipage2, records-record-layout-event-broker';
// The record header (highlights panel): anchor, name and compact fields.
const HEADER = 'records-lwc-highlights-panel, records-highlights2';

// Field → [API names on Contact|Lead, labels (English|Spanish)], as shown in the detail panel.
const NAME = ['Name', 'Name|Nombre'];
const EMAIL = ['Email', 'Email|Correo electrónico'];
const PHONE = ['Phone', 'Phone|Teléfono'];
const MOBILE = ['MobilePhone', 'Mobile|Móvil'];
const COMPANY = ['AccountId|Company', 'Account Name|Nombre de la cuenta|Company|Compañía|Empresa'];
const ADDRESS = ['MailingAddress|Address', 'Mailing Address|Dirección postal|Dirección de correo|Address|Dirección'];

// Where a field's value is, most specific first. Lookups and emails are links; click-to-dial phones
// have javascript: hrefs, so every value is read from the text.
const VALUE = [
  'force-lookup a',
  'a[href^="mailto:"]',
  'lightning-formatted-phone, lightning-click-to-dial',
  'lightning-formatted-name',
  '[data-output-element-id="output-field"]',
  '.test-id__field-value',
  '.slds-form-element__control',
];

/**
 * The first visible match under `root` that passes `ok`: in its light DOM first, then inside open
 * shadow roots (depth-first).
 */
function find(root: ParentNode | null | undefined, sel: string, ok = (_: Element) => true): Element | undefined {
  if (!root) return undefined;
  for (const el of root.querySelectorAll(sel)) if (ok(el) && isVisible(el)) return el;
  for (const el of [root, ...root.querySelectorAll('*')]) {
    const hit = find((el as Element).shadowRoot, sel, ok);
    if (hit) return hit;
  }
  return undefined;
}

/**
 * The text a user sees: across open shadow roots and slots, without screen-reader-only text
 * (a lookup's "Open Acme Preview", an edit button's "Edit Email").
 */
function shown(n: Node): string {
  if (n.nodeType === 3) return n.nodeValue ?? '';
  const el = n as Element;
  if (n.nodeType === 1 && el.matches('.slds-assistive-text, style, script')) return '';
  const slotted = el.localName === 'slot' ? (el as HTMLSlotElement).assignedNodes() : [];
  let s = '';
  for (const c of slotted.length ? slotted : (el.shadowRoot ?? n).childNodes) s += shown(c);
  return s;
}

/** A field's container in the record: by API name, then by its (localised) label. */
function field(root: Element, [api, labels]: string[]): Element | undefined {
  const names = labels!.split('|');
  return (
    find(root, api!.split('|').flatMap((a) => [`Contact.${a}`, `Lead.${a}`].map((f) => `[data-target-selection-name="sfdc:RecordField.${f}"]`)).join()) ??
    find(root, names.map((l) => `records-record-layout-item[field-label="${l}"]`).join()) ??
    find(root, 'span.test-id__field-label', (l) => names.includes(clean(shown(l))!))?.closest('.slds-form-element') ??
    undefined
  );
}

/** What a field (or the header) shows, read from the most specific output inside it. */
function value(container: Element | null | undefined, selectors = VALUE): string | undefined {
  for (const sel of selectors) {
    const el = find(container, sel);
    if (!el) continue;
    // Lookup links end with an assistive "Open <name> Preview" (hidden by class, or not).
    const v = clean(shown(el).replace(/^\s*(.+?)\s*Open \1 Preview\s*$/, '$1'));
    if (v) return v;
    if (el.matches('a[href^="mailto:"]')) return el.getAttribute('href')!;
  }
  return undefined;
}

/** The country: the last line of the address, when it is shown and isn't a city/postcode line. */
function country(container: Element | undefined): string | undefined {
  const address = find(container, 'lightning-formatted-address');
  const lines = address ? [...(address.shadowRoot ?? address).querySelectorAll('div')].filter((d) => !d.querySelector('div')) : [];
  const last = lines.length > 1 ? clean(shown(lines[lines.length - 1]!)) : undefined;
  return last && !/\d/.test(last) ? last : undefined;
}

export const salesforce: CrmAdapter = {
  id: 'salesforce',
  matches: ['https://*.lightning.force.com/*'],

  isRecordPage(url: URL): boolean {
    return url.protocol === 'https:' && HOST.test(url.hostname) && RECORD_PATH.test(url.pathname);
  },

  anchor: HEADER,

  extract(doc: Document): RawCustomer | null {
    const root = firstVisible(doc, ROOT);
    if (!root) return null;
    const header = firstVisible(root, HEADER);
    const c: RawCustomer = {
      // Compound "Ms. Jane Doe": the worker splits it and drops the salutation.
      fullName: value(field(root, NAME)) ?? value(header, ['[slot="primaryField"]']),
      email: value(field(root, EMAIL)) ?? value(header, ['a[href^="mailto:"]']),
      phone: value(field(root, PHONE)) ?? value(field(root, MOBILE)) ?? value(header, [VALUE[2]!]),
      company: value(field(root, COMPANY)),
      country: country(field(root, ADDRESS)),
    };
    for (const k of Object.keys(c) as (keyof RawCustomer)[]) if (c[k] === undefined) delete c[k];
    return c;
  },
};
