import { clean, isVisible, valueOf } from './dom';
import type { CrmAdapter, RawCustomer } from './types';

// Odoo contact (res.partner) form. Evidence: /work/shared/CRM_DOM_NOTES.md ("Odoo — contact form",
// HIGH, from Odoo's own templates). Fields are `.o_field_widget[name="<field>"]` (technical field
// names, never localised labels). Since 17 forms are always editable: the value is the input's
// `value` property (not an attribute, not text); read-only widgets render `a.o_form_uri` (mailto:,
// tel:, many2one links) or a plain span. Self-hosted instances use any host, so the URL check never
// looks at it.

// Odoo 18+: /odoo/contacts/<id>, /odoo/res.partner/<id> (no action), or the partner form's action
// path; also as the last level of a breadcrumb path (/odoo/crm/12/res.partner/7). A deeper level
// after the id (/odoo/contacts/7/action-…/3) is another record.
const RECORD_PATH =
  /^\/odoo(?:\/[^/]+)*\/(?:contacts|res\.partner|action-(?:base\.action_partner_form|contacts\.action_contacts))\/\d+\/?$/;

/**
 * The visible form of the current action. Dialogs (`.modal`, e.g. a child address being edited)
 * hold another record; a form's one2many lists/kanbans (child contacts) nest their own widgets.
 */
function form(doc: Document): Element | null {
  for (const f of doc.querySelectorAll('.o_form_view')) if (isVisible(f) && !f.closest('.modal')) return f;
  return null;
}

/** A field of the form itself (not of a nested x2many record), as the user sees it. */
function field(root: Element, name: string): string | undefined {
  for (const w of root.querySelectorAll(`.o_field_widget[name="${name}"]`)) {
    if (!isVisible(w) || w.parentElement?.closest('.o_field_widget')) continue;
    // Editable: the control (phone/email widgets also hold "SMS"/icon links, so never the text).
    // Read-only: the a.o_form_uri (mailto:/tel:/many2one), else the span's text.
    const v = clean(valueOf(w.querySelector('input,textarea,select') ?? w.querySelector('a.o_form_uri') ?? w));
    if (v) return v;
  }
}

// A social profile in the website field (a company homepage is not a profile).
const SOCIAL = /^(?:https?:\/\/)?(?:www\.)?(?:linkedin\.com\/in|x\.com|twitter\.com|facebook\.com|instagram\.com)\/./i;

export const odoo: CrmAdapter = {
  id: 'odoo',
  // Odoo Online; self-hosted instances are enabled per site at runtime.
  matches: ['https://*.odoo.com/*'],

  isRecordPage(url: URL): boolean {
    if (!/^https?:$/.test(url.protocol)) return false;
    if (RECORD_PATH.test(url.pathname)) return true;
    // ≤17: /web#id=<id>&model=res.partner&view_type=form (hash routing, parameters in any order).
    const p = new URLSearchParams(url.hash.slice(1));
    return (
      /^\/web\/?$/.test(url.pathname) &&
      p.get('model') === 'res.partner' &&
      p.get('view_type') === 'form' &&
      /^\d+$/.test(p.get('id') ?? '')
    );
  },

  // The title block (company/person radio, name, parent company) at the top of the sheet.
  anchor: '.o_form_view .oe_title',

  extract(doc: Document): RawCustomer | null {
    const root = form(doc);
    if (!root) return null;
    const site = field(root, 'website');
    const c: RawCustomer = {
      fullName: field(root, 'name'),
      email: field(root, 'email'),
      phone: field(root, 'phone') ?? field(root, 'mobile'),
      company: field(root, 'parent_id'),
      country: field(root, 'country_id'),
      profiles: site && SOCIAL.test(site) ? [/^https?:/i.test(site) ? site : `https://${site}`] : undefined,
    };
    // A company contact (radio "Company" checked; is_company checkbox in some views): its name is the
    // company's, and it has no parent company. fullName stays (the worker decides how to split it).
    const isCompany = root.querySelector(
      '.o_field_widget[name="company_type"] input[data-value="company"]:checked,.o_field_widget[name="is_company"] input:checked',
    );
    if (isCompany) c.company ??= c.fullName;
    for (const k of Object.keys(c) as (keyof RawCustomer)[]) if (c[k] === undefined) delete c[k];
    return Object.keys(c).length ? c : null;
  },
};
