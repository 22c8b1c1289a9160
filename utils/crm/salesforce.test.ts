import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { salesforce } from './salesforce';
import type { RawCustomer } from './types';

const FIXTURES = resolve(__dirname, '../../tests/fixtures/salesforce');
const read = (name: string) => readFileSync(resolve(FIXTURES, name), 'utf8');

/**
 * Runs a fixture's inline scripts against `doc`, as Chromium does on load (happy-dom doesn't run
 * scripts inserted with innerHTML, nor parse declarative shadow DOM). The shadow-DOM fixture's
 * script is what attaches its open shadow roots, so the test builds exactly what the browser does.
 */
function runScripts(html: string, doc: Document): void {
  for (const [, src] of html.matchAll(/<script>([\s\S]*?)<\/script>/g)) new Function('document', src!)(doc);
}

/** Replaces the global document's content with a fixture page, as the content script would see it. */
function load(name: string): string {
  const html = read(name);
  document.documentElement.innerHTML = html;
  runScripts(html, document);
  return html;
}

function parse(name: string): Document {
  const html = read(name);
  const doc = new DOMParser().parseFromString(html, 'text/html');
  runScripts(html, doc);
  return doc;
}

/** The URL a fixture represents: its first line is `<!-- https://… -->`. */
const urlOf = (html: string) => new URL(/^<!--\s*(\S+)\s*-->/.exec(html)![1]!);

beforeEach(() => {
  document.documentElement.innerHTML = '<head></head><body></body>';
});

const cases: [file: string, expected: RawCustomer][] = [
  [
    'contact-en.html',
    {
      fullName: 'Ms. Jane Doe',
      email: 'jane.doe@acme-logistics.example',
      phone: '(415) 555-0100',
      company: 'Acme Logistics',
      country: 'United States',
    },
  ],
  [
    'contact-es-console.html',
    {
      fullName: 'Sra. Lucía Fernández García',
      email: 'lucia.fernandez@ferreteria-ejemplo.es',
      phone: '+34 911 23 45 67',
      company: 'Ferretería Ejemplo S.L.',
      country: 'España',
    },
  ],
  [
    'contact-cached-hidden.html',
    {
      fullName: 'Ms. Sofia Rossi',
      email: 'sofia.rossi@contoso-italia.example',
      phone: '+39 347 123 4567',
      company: 'Contoso Italia S.p.A.',
      country: 'Italy',
    },
  ],
  [
    'contact-shadow-dom.html',
    {
      fullName: 'Mrs. Amelia Watson',
      email: 'amelia.watson@northwind.example',
      phone: '+44 20 7946 0958',
      company: 'Northwind Traders Ltd',
      country: 'United Kingdom',
    },
  ],
  [
    'lead-en.html',
    {
      fullName: 'Dr. Rafael Ortiz',
      email: 'rafael@ortiz-dental.example',
      phone: '+52 55 1234 5678',
      company: 'Ortiz Dental Clinic',
      country: 'Mexico',
    },
  ],
  [
    'contact-decoys.html',
    {
      fullName: 'Mr. Hiroshi Tanaka',
      email: 'h.tanaka@globex.example',
      phone: '+81 3-1234-5678',
      company: 'Globex Corporation',
    },
  ],
];

describe('salesforce.extract on fixtures', () => {
  it.each(cases)('%s', (file, expected) => {
    const html = load(file);
    expect(salesforce.isRecordPage(urlOf(html))).toBe(true);
    expect(document.querySelector(salesforce.anchor)).not.toBeNull();
    expect(salesforce.extract(document)).toEqual(expected);
  });

  it.each(cases)('%s also reads from a DOMParser document', (file, expected) => {
    expect(salesforce.extract(parse(file))).toEqual(expected);
  });

  it('reads fields inside open shadow roots that plain queries cannot see', () => {
    load('contact-shadow-dom.html');
    // The Email/Phone items live in a shadow root, and the typed outputs render into their own.
    expect(document.querySelector('[data-target-selection-name="sfdc:RecordField.Contact.Email"]')).toBeNull();
    expect(document.querySelector('lightning-formatted-name')!.shadowRoot).not.toBeNull();
    expect(document.querySelector('lightning-formatted-name')!.textContent).toBe('');
  });

  it('finds fields by their (Spanish) field-label, then by label text, without data-target-selection-name', () => {
    load('contact-es-console.html');
    const expected = salesforce.extract(document);
    document.querySelectorAll('[data-target-selection-name]').forEach((el) => el.removeAttribute('data-target-selection-name'));
    expect(salesforce.extract(document)).toEqual(expected);
    document.querySelectorAll('[field-label]').forEach((el) => el.removeAttribute('field-label'));
    expect(salesforce.extract(document)).toEqual(expected);
  });

  it('strips the lookup assistive text even when it is not marked as assistive', () => {
    load('contact-en.html');
    document.querySelectorAll('.slds-assistive-text').forEach((el) => el.classList.remove('slds-assistive-text'));
    expect(salesforce.extract(document)).toMatchObject({ company: 'Acme Logistics' });
  });

  it('falls back to the header when the detail tab is hidden', () => {
    load('contact-en.html');
    const [related, details] = document.querySelectorAll<HTMLElement>('.oneContent.active flexipage-tab2');
    related!.className = 'slds-tabs_default__content slds-show';
    details!.className = 'slds-tabs_default__content slds-hide';
    expect(salesforce.extract(document)).toEqual({
      fullName: 'Ms. Jane Doe',
      email: 'jane.doe@acme-logistics.example',
      phone: '(415) 555-0100',
    });
  });

  it('follows the SPA when another cached record becomes the active one', () => {
    load('contact-cached-hidden.html');
    const hosts = document.querySelectorAll('.oneContent');
    hosts[1]!.classList.remove('active');
    hosts[0]!.classList.add('active');
    expect(salesforce.extract(document)).toEqual({
      fullName: 'Mr. Tom Baker',
      email: 'tom.baker@bakerandsons.example',
      phone: '+44 20 7946 0000',
      company: 'Baker & Sons Ltd',
      country: 'United Kingdom',
    });
  });

  it('leaves the country out when the address has no country line', () => {
    load('contact-en.html');
    const address = document.querySelector('.oneContent.active [data-target-selection-name="sfdc:RecordField.Contact.MailingAddress"] lightning-formatted-address a')!;
    address.lastElementChild!.remove();
    expect(salesforce.extract(document)).not.toHaveProperty('country');
  });

  it('returns null when every record page is hidden, and on pages without a record', () => {
    load('contact-cached-hidden.html');
    document.querySelector('.oneContent.active')!.classList.remove('active');
    expect(salesforce.extract(document)).toBeNull();
    document.body.innerHTML = `
      <one-app-nav-bar><a href="/lightning/o/Contact/home">Contacts</a></one-app-nav-bar>
      <lst-list-view-manager><table><tr><th><a href="/lightning/r/Contact/0035g00000XyZ12AAB/view">Jane Doe</a></th>
      <td><lightning-formatted-email><a href="mailto:jane.doe@acme-logistics.example">jane.doe@acme-logistics.example</a></lightning-formatted-email></td></tr></table></lst-list-view-manager>`;
    expect(salesforce.extract(document)).toBeNull();
    document.body.innerHTML = '';
    expect(salesforce.extract(document)).toBeNull();
  });
});

describe('salesforce.isRecordPage', () => {
  it.each([
    ['https://acme.lightning.force.com/lightning/r/Contact/0035g00000XyZ12AAB/view', true],
    ['https://acme.lightning.force.com/lightning/r/Contact/0035g00000XyZ12/view', true], // 15-char id
    ['https://acme.lightning.force.com/lightning/r/Lead/00Q5g00000AbCdEEAZ/view', true],
    ['https://acme.lightning.force.com/lightning/r/Contact/0035g00000QwErTAAZ/view?ws=%2Flightning%2Fr%2FAccount%2F0015g00000PoIuYAAR%2Fview', true],
    ['https://acme--uat.sandbox.lightning.force.com/lightning/r/Lead/00Q5g00000AbCdEEAZ/view', true],
    ['https://acme.lightning.force.com/lightning/r/Account/0015g00000AcMeLAAV/view', false],
    ['https://acme.lightning.force.com/lightning/r/Opportunity/0065g00000OpPtYAAR/view', false],
    ['https://acme.lightning.force.com/lightning/o/Contact/list?filterName=Recent', false],
    ['https://acme.lightning.force.com/lightning/o/Lead/home', false],
    ['https://acme.lightning.force.com/lightning/page/home', false],
    ['https://acme.lightning.force.com/lightning/r/Contact/0035g00000XyZ12AAB/related/Cases/view', false],
    ['https://acme.lightning.force.com/lightning/r/Contact/0035g00000XyZ12AAB/edit', false],
    ['https://acme.lightning.force.com/lightning/r/Contact/0035g00000XyZ1/view', false], // 14 chars
    ['https://acme.my.salesforce.com/lightning/r/Contact/0035g00000XyZ12AAB/view', false],
    ['http://acme.lightning.force.com/lightning/r/Contact/0035g00000XyZ12AAB/view', false],
    ['https://lightning.force.com.evil.example/lightning/r/Contact/0035g00000XyZ12AAB/view', false],
  ])('%s → %s', (url, expected) => {
    expect(salesforce.isRecordPage(new URL(url))).toBe(expected);
  });

  it('declares Lightning hosts only', () => {
    expect(salesforce.matches).toEqual(['https://*.lightning.force.com/*']);
  });
});
