import { clean, firstVisible, isVisible, text } from './dom';
import type { CrmAdapter, RawCustomer } from './types';

// Zoho CRM contact and lead detail pages. Evidence: /work/shared/CRM_DOM_NOTES.md ("Zoho CRM —
// contact detail"). Field rows carry the field in their id (`mouseArea__EMAIL`, label
// `labelTD_EMAIL`; the business card repeats some as `bc_mouseArea__…`, the title card holds the
// name as `tc_mouseArea__…`), which doesn't depend on the UI language; label text (English or
// Spanish) is only a fallback for rows with other ids, such as custom fields.

const TLDS = ['com', 'eu', 'in', 'com.au', 'jp', 'com.cn', 'ca', 'sa'];
// /crm/org<orgId>/tab/Contacts/<recordId>, optionally /canvas/<canvasId> (a custom detail layout).
const RECORD_PATH = /^\/crm\/(?:org\d+\/)?tab\/(?:Contacts|Leads)\/\d+(?:\/canvas\/\d+)?\/?$/;

// Title card: its first view value is the full name ("Mr. John Carter").
const TITLE = '[id^="tc_mouseArea__"]';
// Detail rows and business-card rows, in page order.
const ROWS = '[id^="mouseArea__"], [id^="bc_mouseArea__"]';
const PHONES = 'span.cxPhoneViewValue.lvPhFld';

// Field → normalised row keys: Zoho's column names (EMAIL), API names (Email → EMAIL,
// First_Name → FIRSTNAME) and English/Spanish labels, upper-cased without accents or separators.
const FIRST = ['FIRSTNAME', 'NOMBRE'];
const LAST = ['LASTNAME', 'APELLIDOS', 'APELLIDO'];
const EMAIL = ['EMAIL', 'CORREOELECTRONICO'];
const PHONE = ['PHONE', 'TELEFONO'];
const MOBILE = ['MOBILE', 'MOVIL', 'TELEFONOMOVIL'];
const COMPANY = ['ACCOUNTID', 'ACCOUNTNAME', 'COMPANY', 'NOMBREDECUENTA', 'NOMBREDELACUENTA', 'EMPRESA', 'COMPANIA'];
const COUNTRY = ['MAILINGCOUNTRY', 'COUNTRY', 'PAISDECORREO', 'PAIS'];

const key = (s: string) => s.normalize('NFD').replace(/[^a-z\d]/gi, '').toUpperCase();
// How Zoho masks a value it hides: "******0100".
const masked = (s: string) => /[*•●]/.test(s);

interface Row {
  el: Element;
  /** The field its id names (`mouseArea__First_Name` → FIRSTNAME). */
  idKey: string;
  /** The field its label names ("Correo electrónico" → CORREOELECTRONICO). */
  labelKey: string;
}

/** Every row once, with its keys: one pass over the page however many fields are read. */
function indexRows(doc: Document): Row[] {
  return [...doc.querySelectorAll(ROWS)].map((el) => ({
    el,
    idKey: key(el.id.replace(/^(?:bc_)?mouseArea__/, '')),
    labelKey: key(text(el.querySelector('[id^="labelTD_"]'))),
  }));
}

/** A field's rows: those whose id names it, then those whose label names it (only what's visible is read). */
function rows(index: Row[], keys: string[]): Element[] {
  const named = index.filter((r) => keys.includes(r.idKey));
  const labelled = index.filter((r) => !keys.includes(r.idKey) && keys.includes(r.labelKey));
  return [...named, ...labelled].map((r) => r.el);
}

/** What a row shows, as displayed (a masked value stays masked). */
function value(row: Element): string | undefined {
  const get = (sel: string) => firstVisible(row, sel);
  let el: Element | null;
  // Emails: the share component's attribute, or the mailto link's text (else its address).
  if ((el = get('crm-rl-share-email[email]'))) return clean(el.getAttribute('email'));
  if ((el = get('a.cxEmailViewLink[href^="mailto:"]'))) return clean(text(el)) ?? clean(el.getAttribute('href'));
  if ((el = get(PHONES))) return pick(row);
  // Picklists (and long texts) keep the value in an attribute, shown truncated.
  if ((el = get('lyte-text[lt-prop-value]'))) return clean(el.getAttribute('lt-prop-value'));
  if ((el = get('.cxElemCompViewValue, span.cxElemCompViewWrap'))) {
    // A text field's view may lead with a prefix (the salutation before a first name).
    const prefix = text(el.querySelector('.cxElemCompPrefixVwDiv'));
    return clean(text(el).slice(text(el).startsWith(prefix) ? prefix.length : 0));
  }
  return undefined;
}

/** The first unmasked phone shown in the nodes, else the first (masked) one, so the worker can say why. */
function pick(...nodes: ParentNode[]): string | undefined {
  const shown = nodes.flatMap((n) => [...n.querySelectorAll(PHONES)].filter(isVisible).flatMap((p) => clean(text(p)) ?? []));
  return shown.find((p) => !masked(p)) ?? shown[0];
}

/** The first unmasked value among a field's rows, else the first masked one. */
function field(index: Row[], keys: string[]): string | undefined {
  const values = rows(index, keys).map(value).filter((v): v is string => !!v);
  return values.find((v) => !masked(v)) ?? values[0];
}

export const zoho: CrmAdapter = {
  id: 'zoho',
  matches: TLDS.map((tld) => `https://crm.zoho.${tld}/*`),

  isRecordPage(url: URL): boolean {
    return (
      url.protocol === 'https:' &&
      TLDS.some((tld) => url.hostname === `crm.zoho.${tld}`) &&
      RECORD_PATH.test(url.pathname)
    );
  },

  anchor: TITLE,

  extract(doc: Document): RawCustomer | null {
    const title = firstVisible(doc, TITLE);
    if (!title && !firstVisible(doc, ROWS)) return null;
    // Phone, else mobile; a masked copy never wins over an unmasked one. With neither row
    // identifiable, the record's phone values in page order (the first is Phone, the second Mobile).
    const index = indexRows(doc);
    const phoneRows = [...rows(index, PHONE), ...rows(index, MOBILE)];
    const c: RawCustomer = {
      firstName: field(index, FIRST),
      lastName: field(index, LAST),
      email: field(index, EMAIL),
      phone: pick(...(phoneRows.length ? phoneRows : index.map((r) => r.el))),
      company: field(index, COMPANY),
      country: field(index, COUNTRY),
    };
    if (!c.firstName && !c.lastName) c.fullName = clean(text(title?.querySelector('span.cxElemCompViewWrap')));
    for (const k of Object.keys(c) as (keyof RawCustomer)[]) if (c[k] === undefined) delete c[k];
    return c;
  },
};
