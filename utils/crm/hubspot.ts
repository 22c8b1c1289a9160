import { clean, firstVisible, text, valueOf } from './dom';
import type { CrmAdapter, RawCustomer } from './types';

// HubSpot contact record page. Evidence: /work/shared/CRM_DOM_NOTES.md ("HubSpot — contact record").
// Only data-* attributes are used: HubSpot's class names are styled-components hashes that change
// on every build, and labels are localised ("Email" / "Correo"), so neither is ever read.

const HOSTS = /^app(?:-(?:eu1|na2))?\.hubspot\.com$/;
// /contacts/<portalId>/record/0-1/<contactId> (0-1 = contact; 0-2 company, 0-3 deal are not ours),
// and the legacy /contacts/<portalId>/contact/<contactId>. Further segments (tabs) may follow.
const RECORD_PATH = /^\/contacts\/\d+\/(?:record\/0-1|contact)\/\d+(?:\/|$)/;

// Record header card (top of the left sidebar): one per rendered record, hidden cached records included.
const HEADER = '[data-card-type="OBJECT_HIGHLIGHT"]';
// "About this contact" card (left sidebar). Rows are the list's DIRECT children named by property:
// bare names like "contacts" or "email" also appear on nav chrome and in the activity feed.
const ROW = '[data-card-type="PROPERTIES_V3"] ul[data-selenium-test="profile-properties-list"] > span';
// Header card: the record's title (name, or the email when the contact has no name).
const TITLE = '[data-selenium-test="highlightTitle"]';
// Right sidebar "Companies" association card: the associated (primary first) company's name.
const COMPANY_CHICKLET = '[data-selenium-test="company-chicklet-title-link"]';

/**
 * The container of the visible record: the widest ancestor of its header card that holds no other
 * record header, so hidden cached records (siblings somewhere up the tree) are out of scope. With no
 * header rendered, the visible "About" card alone marks a record, scoped to the body.
 */
function recordRoot(doc: Document): Element | null {
  const header = firstVisible(doc, HEADER);
  if (!header) return firstVisible(doc, ROW) ? doc.body : null;
  let root = header;
  for (let p = root.parentElement; p && p !== doc.documentElement; p = p.parentElement) {
    if (p.querySelectorAll(HEADER).length > 1) break;
    root = p;
  }
  return root;
}

/** One contact property: its "About this contact" row, else the highlight strip under the header. */
function prop(root: Element, name: string): string | undefined {
  // The value node is read inside the row only: a span in display mode, an <input> while being
  // edited. (A bare property-input-name elsewhere, e.g. in an association card, is the company's.)
  const row = firstVisible(root, `${ROW}[data-test-id="${name}"]`);
  const value = row && clean(valueOf(row.querySelector(`[data-selenium-test="property-input-${name}"]`)));
  // Header card strip (record-highlight-content): the node is the value itself, no label inside.
  return value || clean(text(firstVisible(root, `[data-test-id="highlight-property-display-${name}"]`)));
}

export const hubspot: CrmAdapter = {
  id: 'hubspot',
  matches: ['https://app.hubspot.com/*', 'https://app-eu1.hubspot.com/*', 'https://app-na2.hubspot.com/*'],

  isRecordPage(url: URL): boolean {
    return url.protocol === 'https:' && HOSTS.test(url.hostname) && RECORD_PATH.test(url.pathname);
  },

  anchor: HEADER,

  extract(doc: Document): RawCustomer | null {
    const root = recordRoot(doc);
    if (!root) return null;
    const c: RawCustomer = {
      firstName: prop(root, 'firstname'),
      lastName: prop(root, 'lastname'),
      email: prop(root, 'email'),
      phone: prop(root, 'phone') ?? prop(root, 'mobilephone'),
      company: prop(root, 'company') ?? clean(text(firstVisible(root, COMPANY_CHICKLET))),
      country: prop(root, 'country'),
    };
    if (!c.firstName && !c.lastName) {
      // No name properties shown: the header title (name in its inner span), which HubSpot fills
      // with the email when the contact has no name — that is not a name.
      const title = firstVisible(root, TITLE);
      const t = clean(text(title?.querySelector('span'))) ?? clean(text(title));
      if (t?.includes('@')) c.email ??= t;
      else c.fullName = t;
    }
    // Drop unknown fields so callers (and toEqual) see only what the page shows.
    for (const k of Object.keys(c) as (keyof RawCustomer)[]) if (c[k] === undefined) delete c[k];
    return c;
  },
};
