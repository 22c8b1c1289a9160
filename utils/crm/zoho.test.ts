import { adapterFixtures, emptyDocument } from '@/tests/unit/fixture-page';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RawCustomer } from './types';
import { zoho } from './zoho';

const { read, load, urlOf } = adapterFixtures('zoho');
beforeEach(emptyDocument);

const cases: [file: string, expected: RawCustomer][] = [
  [
    'contact-en.html',
    {
      firstName: 'John',
      lastName: 'Carter',
      email: 'john.carter@carter-sons.example',
      phone: '+1 415 555 0100',
      company: 'Carter & Sons Ltd',
      country: 'United States',
    },
  ],
  [
    'contact-es-labels.html',
    {
      firstName: 'Lucía',
      lastName: 'Fernández García',
      email: 'lucia.fernandez@ferreteria-ejemplo.es',
      phone: '+34 911 23 45 67',
      company: 'Ferretería Ejemplo S.L.',
      country: 'España',
    },
  ],
  [
    'contact-masked-phone.html',
    {
      firstName: 'Priya',
      lastName: 'Sharma',
      email: 'priya.sharma@example.in',
      phone: '+91 98765 43210',
      company: 'Sharma Textiles Pvt Ltd',
      country: 'India',
    },
  ],
  [
    'contact-cached-hidden.html',
    {
      firstName: 'Olivia',
      lastName: 'Brown',
      email: 'olivia.brown@kiwi-imports.example',
      phone: '+64 9 300 1234',
      country: 'New Zealand',
    },
  ],
  [
    'lead-en.html',
    {
      firstName: 'Amélie',
      lastName: 'Tremblay',
      email: 'amelie@mapleleafbakery.example',
      phone: '(604) 555-0142',
      company: 'Maple Leaf Bakery Inc.',
      country: 'Canada',
    },
  ],
  [
    'contact-decoys.html',
    { fullName: 'Ms. Priya Raman', email: 'priya.raman@globex.example', phone: '+1 312 555 0100' },
  ],
];

describe('zoho.extract on fixtures', () => {
  it.each(cases)('%s', (file, expected) => {
    const html = load(file);
    expect(zoho.isRecordPage(urlOf(html))).toBe(true);
    expect(document.querySelector(zoho.anchor)).not.toBeNull();
    expect(zoho.extract(document)).toEqual(expected);
  });

  it.each(cases)('%s also reads from a DOMParser document', (file, expected) => {
    const doc = new DOMParser().parseFromString(read(file), 'text/html');
    expect(zoho.extract(doc)).toEqual(expected);
  });

  it('sends a masked value only when nothing unmasked is shown, and never reads past the mask', () => {
    load('contact-masked-phone.html');
    // Mobile gone: the only phones left are masked; the raw text goes to the worker, which says why.
    document.querySelectorAll('[id$="mouseArea__MOBILE"]').forEach((row) => row.remove());
    // The detail row's email masked again: the link's href still holds the address, but isn't read.
    const link = document.querySelector('#mouseArea__EMAIL a.cxEmailViewLink')!;
    link.textContent = 'pr*****@example.in';
    expect(zoho.extract(document)).toMatchObject({ phone: '******0100', email: 'pr*****@example.in' });
  });

  it('takes the first phone shown when no row says which is Phone or Mobile', () => {
    load('contact-en.html');
    // Custom rows whose ids and labels say nothing: the first phone value is Phone, the second Mobile.
    for (const row of document.querySelectorAll('[id$="mouseArea__PHONE"], [id$="mouseArea__MOBILE"]')) {
      row.id = row.id.replace(/PHONE|MOBILE/, 'CONTACTCF1');
      const label = row.querySelector('[id^="labelTD_"], .dv_info_label');
      if (label) label.textContent = 'Número';
    }
    expect(zoho.extract(document)).toMatchObject({ phone: '+1 415 555 0100' });
    document.querySelectorAll('[id$="mouseArea__CONTACTCF1"]').forEach((row) => row.remove());
    expect(zoho.extract(document)).toMatchObject({ phone: '+1 415 555 0111' }); // Other Phone, the only one left
  });

  it('matches rows named by API names too (mouseArea__First_Name, labelTD_Email)', () => {
    load('contact-en.html');
    const rename: Record<string, string> = { FIRSTNAME: 'First_Name', LASTNAME: 'Last_Name', EMAIL: 'Email', ACCOUNTID: 'Account_Name', MAILINGCOUNTRY: 'Mailing_Country', PHONE: 'Phone' };
    for (const el of document.querySelectorAll('[id]')) {
      const m = /^(.*(?:mouseArea__|labelTD_))([A-Z]+)$/.exec(el.id);
      if (m && rename[m[2]!]) el.id = m[1]! + rename[m[2]!];
    }
    // Labels must not be what matched: make them say nothing.
    document.querySelectorAll('[id^="labelTD_"], .dv_info_label').forEach((l) => (l.textContent = '·'));
    expect(zoho.extract(document)).toEqual(cases[0]![1]);
  });

  it('reads picklist values from lt-prop-value, not the truncated text', () => {
    load('lead-en.html');
    document.querySelector('#mouseArea__COUNTRY lyte-text')!.textContent = 'Can…';
    expect(zoho.extract(document)).toMatchObject({ country: 'Canada' });
  });

  it('matches Spanish labels when the row ids are custom', () => {
    load('contact-es-labels.html');
    document.querySelectorAll('[id*="mouseArea__"]').forEach((row, i) => (row.id = `mouseArea__CONTACTCF${100 + i}`));
    expect(zoho.extract(document)).toEqual(cases[1]![1]);
  });

  it('uses the title card when the record has no name rows, and follows a re-render', () => {
    load('contact-cached-hidden.html');
    const [old, current] = document.querySelectorAll<HTMLElement>('.dvMainWrap');
    current!.style.display = 'none';
    old!.style.display = '';
    expect(zoho.extract(document)).toMatchObject({ firstName: 'Jack', lastName: 'Wilson', country: 'Australia' });
    old!.querySelectorAll('#mouseArea__FIRSTNAME, #mouseArea__LASTNAME').forEach((row) => row.remove());
    expect(zoho.extract(document)).toMatchObject({ fullName: 'Mr. Jack Wilson' });
    expect(zoho.extract(document)).not.toHaveProperty('firstName');
  });

  it('returns null when no record is visible, and on pages without a record', () => {
    load('contact-cached-hidden.html');
    document.querySelectorAll<HTMLElement>('.dvMainWrap').forEach((dv) => (dv.style.display = 'none'));
    expect(zoho.extract(document)).toBeNull();
    load('contact-decoys.html');
    document.querySelector('.dvMainWrap')!.remove();
    expect(zoho.extract(document)).toBeNull(); // nav, recent items, related list only
    document.body.innerHTML = '';
    expect(zoho.extract(document)).toBeNull();
  });
});

describe('zoho.isRecordPage', () => {
  it.each([
    ['https://crm.zoho.com/crm/org712345678/tab/Contacts/5725767000001234567', true],
    ['https://crm.zoho.eu/crm/org20071234567/tab/Contacts/146789000000234567', true],
    ['https://crm.zoho.in/crm/org60012345678/tab/Leads/98765000000345678', true],
    ['https://crm.zoho.com.au/crm/org7001122334/tab/Contacts/31337000000456123/', true],
    ['https://crm.zoho.jp/crm/org90012/tab/Leads/4000000012345?sub_module=', true],
    ['https://crm.zoho.com.cn/crm/org1234/tab/Contacts/1000000000001', true],
    ['https://crm.zoho.ca/crm/org1234/tab/Contacts/1000000000001/canvas/1000000000099', true],
    ['https://crm.zoho.sa/crm/org1234/tab/Leads/1000000000001', true],
    ['https://crm.zoho.com/crm/tab/Contacts/5725767000001234567', true], // single-org URL without org<id>
    ['https://crm.zoho.com/crm/org712345678/tab/Accounts/5725767000000456789', false],
    ['https://crm.zoho.com/crm/org712345678/tab/Potentials/5725767000000777000', false],
    ['https://crm.zoho.com/crm/org712345678/tab/Contacts/custom-view/5725767000000087501/list', false],
    ['https://crm.zoho.com/crm/org712345678/tab/Contacts/create', false],
    ['https://crm.zoho.com/crm/org712345678/tab/Contacts/5725767000001234567/edit', false],
    ['https://crm.zoho.com/crm/org712345678/tab/Contacts', false],
    ['https://crm.zoho.com/crm/org712345678/tab/Home/begin', false],
    ['https://crm.zoho.uk/crm/org712345678/tab/Contacts/5725767000001234567', false],
    ['https://crm.zoho.com.evil.example/crm/org1/tab/Contacts/1', false],
    ['http://crm.zoho.com/crm/org712345678/tab/Contacts/5725767000001234567', false],
  ])('%s → %s', (url, expected) => {
    expect(zoho.isRecordPage(new URL(url))).toBe(expected);
  });

  it('declares the eight data-centre hosts', () => {
    expect(zoho.matches).toEqual([
      'https://crm.zoho.com/*',
      'https://crm.zoho.eu/*',
      'https://crm.zoho.in/*',
      'https://crm.zoho.com.au/*',
      'https://crm.zoho.jp/*',
      'https://crm.zoho.com.cn/*',
      'https://crm.zoho.ca/*',
      'https://crm.zoho.sa/*',
    ]);
  });
});
