import { adapterFixtures } from '@/tests/unit/fixture-page';
import { beforeEach, describe, expect, it } from 'vitest';
import { isVisible } from './dom';
import { odoo } from './odoo';
import type { RawCustomer } from './types';

const { read, load, urlOf } = adapterFixtures('odoo');

/** The first visible anchor, as mountNotifyButton picks it. */
const anchor = () => [...document.querySelectorAll(odoo.anchor)].find((el) => isVisible(el));

const input = (name: string) =>
  document.querySelector<HTMLInputElement>(`.o_action .o_field_widget[name="${name}"] input`)!;

beforeEach(() => {
  document.documentElement.innerHTML = '<head></head><body></body>';
});

const cases: [file: string, expected: RawCustomer][] = [
  [
    'contact-17-hash-editable.html',
    {
      fullName: 'Brandon Freeman',
      email: 'brandon.freeman55@example.com',
      phone: '(870)-931-0505',
      company: 'Azure Interior',
      country: 'United States',
    },
  ],
  [
    'contact-18-path-es.html',
    {
      fullName: 'Lucía Fernández García',
      email: 'lucia.fernandez@ferreteria-ejemplo.es',
      phone: '+34 612 34 56 78',
      company: 'Ferretería Ejemplo S.L.',
      country: 'España',
      profiles: ['https://www.linkedin.com/in/lucia-fernandez-garcia'],
    },
  ],
  [
    'contact-readonly-company.html',
    {
      fullName: 'Globex Corporation',
      email: 'info@globex.example',
      phone: '+1 312-555-0100',
      company: 'Globex Corporation',
      country: 'United States',
    },
  ],
  [
    'contact-16-dialog-invisible.html',
    {
      fullName: 'Oliver Smith',
      email: 'oliver.smith@contoso.example',
      phone: '+61 2 9374 4000',
      country: 'Australia',
    },
  ],
];

describe('odoo.extract on fixtures', () => {
  it.each(cases)('%s', (file, expected) => {
    const html = load(file);
    expect(odoo.isRecordPage(urlOf(html))).toBe(true);
    expect(anchor()?.closest('.modal')).toBeNull();
    expect(anchor()?.querySelector('.o_field_widget[name="name"]')).not.toBeNull();
    expect(odoo.extract(document)).toEqual(expected);
  });

  it.each(cases)('%s also reads from a DOMParser document', (file, expected) => {
    const doc = new DOMParser().parseFromString(read(file), 'text/html');
    expect(odoo.extract(doc)).toEqual(expected);
  });

  it('reads what the user typed: the live input value, not the value attribute', () => {
    load('contact-17-hash-editable.html');
    // OWL sets the value property only; an edit in progress is not in any attribute either.
    input('email').removeAttribute('value');
    input('email').value = 'b.freeman@azure-interior.example';
    input('phone').value = '';
    input('country_id').value = 'Canada';
    expect(odoo.extract(document)).toMatchObject({
      email: 'b.freeman@azure-interior.example',
      phone: '+1 555-555-0123', // phone cleared: the mobile
      country: 'Canada',
    });
  });

  it('switching the radio to Company keeps the name as fullName and makes it the company', () => {
    load('contact-17-hash-editable.html');
    document.querySelector<HTMLInputElement>('.o_action input[data-value="company"]')!.checked = true;
    // Odoo hides parent_id for companies.
    document.querySelector('.o_action .o_field_widget[name="parent_id"]')!.remove();
    const c = odoo.extract(document)!;
    expect(c).toMatchObject({ fullName: 'Brandon Freeman', company: 'Brandon Freeman' });
    expect(c).not.toHaveProperty('firstName');
    expect(c).not.toHaveProperty('lastName');
  });

  it('ignores the nested child-contact kanban and the chatter when the contact has no email or phone', () => {
    load('contact-readonly-company.html');
    document.querySelector('.o_action .o_field_widget[name="email"] a')!.remove();
    document.querySelector('.o_action .o_field_widget[name="phone"] .o_phone_content')!.remove();
    expect(odoo.extract(document)).toEqual({
      fullName: 'Globex Corporation',
      company: 'Globex Corporation',
      country: 'United States',
    });
  });

  it('keeps a plain website out of profiles and completes a social one without a scheme', () => {
    load('contact-18-path-es.html');
    input('website').value = 'www.ferreteria-ejemplo.es';
    expect(odoo.extract(document)).not.toHaveProperty('profiles');
    input('website').value = 'linkedin.com/in/lucia-fernandez-garcia';
    expect(odoo.extract(document)?.profiles).toEqual(['https://linkedin.com/in/lucia-fernandez-garcia']);
  });

  it('returns null without a visible main form: empty page, list view, only a dialog form', () => {
    expect(odoo.extract(document)).toBeNull();
    document.body.innerHTML = `
      <div class="o_action_manager"><div class="o_action o_view_controller o_list_view">
        <table class="o_list_table"><tr class="o_data_row"><td name="name">Brandon Freeman</td>
        <td name="email">brandon.freeman55@example.com</td></tr></table></div></div>`;
    expect(odoo.extract(document)).toBeNull();
    load('contact-16-dialog-invisible.html');
    document.querySelector<HTMLElement>('.o_action')!.style.display = 'none';
    expect(odoo.extract(document)).toBeNull();
    expect(anchor()).toBeUndefined();
  });
});

describe('odoo.isRecordPage', () => {
  it.each([
    // Odoo 18+ paths, on any host (self-hosted, custom domains, a port, plain http on a LAN)
    ['https://acme-demo.odoo.com/odoo/contacts/14', true],
    ['https://erp.example.com/odoo/contacts/14/', true],
    ['http://192.168.1.20:8069/odoo/contacts/14?debug=1', true],
    ['https://acme-demo.odoo.com/odoo/res.partner/14', true],
    ['https://acme-demo.odoo.com/odoo/action-base.action_partner_form/9', true],
    ['https://acme-demo.odoo.com/odoo/crm/12/res.partner/7', true], // customer opened from a lead
    ['https://acme-demo.odoo.com/odoo/contacts', false],
    ['https://acme-demo.odoo.com/odoo/contacts/new', false],
    ['https://acme-demo.odoo.com/odoo/contacts/14/action-sale.action_orders/3', false],
    ['https://acme-demo.odoo.com/odoo/crm/12', false],
    // ≤17 hash routing
    ['https://acme-demo.odoo.com/web#id=14&cids=1&menu_id=111&action=155&model=res.partner&view_type=form', true],
    ['https://odoo.example.org/web?debug=1#model=res.partner&view_type=form&id=31', true],
    ['https://acme-demo.odoo.com/web#action=155&model=res.partner&view_type=kanban&cids=1', false],
    ['https://acme-demo.odoo.com/web#model=res.partner&view_type=form', false], // new record
    ['https://acme-demo.odoo.com/web#id=5&model=crm.lead&view_type=form', false],
    ['https://acme-demo.odoo.com/shop#id=14&model=res.partner&view_type=form', false],
    ['ftp://acme-demo.odoo.com/odoo/contacts/14', false],
  ])('%s → %s', (url, expected) => {
    expect(odoo.isRecordPage(new URL(url))).toBe(expected);
  });

  it('declares Odoo Online only (self-hosted instances are enabled per site)', () => {
    expect(odoo.matches).toEqual(['https://*.odoo.com/*']);
  });
});
