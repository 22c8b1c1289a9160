import { adapterFixtures, emptyDocument } from '@/tests/unit/fixture-page';
import { beforeEach, describe, expect, it } from 'vitest';
import { clean, firstVisible, isVisible, queryDeep, text, valueOf } from './dom';
import { hubspot } from './hubspot';
import type { RawCustomer } from './types';

const { read, load, urlOf } = adapterFixtures('hubspot');
beforeEach(emptyDocument);

const cases: [file: string, expected: RawCustomer][] = [
  [
    'contact-en-full.html',
    {
      firstName: 'Jane',
      lastName: 'Cooper',
      email: 'jane.cooper@acme-logistics.example',
      phone: '+1 (415) 555-0100',
      company: 'Acme Logistics',
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
    'contact-cached-hidden.html',
    {
      firstName: 'Oliver',
      lastName: 'Smith',
      email: 'oliver.smith@contoso.example',
      phone: '+61 2 9374 4000',
      company: 'Contoso Pty Ltd',
      country: 'Australia',
    },
  ],
  [
    'contact-decoys.html',
    { fullName: 'Priya Raman', email: 'priya.raman@globex.example', company: 'Globex Corporation' },
  ],
  [
    'contact-mobile-title-chicklet.html',
    { fullName: 'Dr. María José Pérez', phone: '+34 612 34 56 78', company: 'Clínica Dental Sonrisa' },
  ],
  [
    'contact-eu1-inputs.html',
    {
      firstName: 'Lukas',
      lastName: 'Schmidt',
      email: 'l.schmidt@beispiel-gmbh.example',
      phone: '+49 30 12345678',
      company: 'Beispiel GmbH',
      country: 'Deutschland',
    },
  ],
];

describe('hubspot.extract on fixtures', () => {
  it.each(cases)('%s', (file, expected) => {
    const html = load(file);
    expect(hubspot.isRecordPage(urlOf(html))).toBe(true);
    expect(document.querySelector(hubspot.anchor)).not.toBeNull();
    expect(hubspot.extract(document)).toEqual(expected);
  });

  it.each(cases)('%s also reads from a DOMParser document', (file, expected) => {
    const doc = new DOMParser().parseFromString(read(file), 'text/html');
    expect(hubspot.extract(doc)).toEqual(expected);
  });

  it('follows the SPA when another cached record becomes the visible one', () => {
    load('contact-cached-hidden.html');
    const [tom, oliver] = document.querySelectorAll<HTMLElement>('#hs-record-page-root > div');
    oliver!.style.display = 'none';
    tom!.style.display = '';
    expect(hubspot.extract(document)).toMatchObject({ firstName: 'Tom', lastName: 'Baker', country: 'United Kingdom' });
  });

  it('stays inside the visible record when another record (a preview panel) is also visible', () => {
    load('contact-decoys.html');
    // The associated company opened in a side preview: its own header and "About this company"
    // card with phone/country rows, which the contact's customised About card lacks.
    const panel = document.createElement('div');
    panel.setAttribute('role', 'dialog');
    panel.innerHTML = `
      <div data-card-type="OBJECT_HIGHLIGHT"><div data-selenium-test="highlightTitle"><span>Globex Corporation</span></div></div>
      <div data-card-type="PROPERTIES_V3"><ul data-selenium-test="profile-properties-list">
        <span data-test-id="phone"><div data-deferred-property-input-root="true"><span data-selenium-test="property-input-phone">+1 (312) 555-0100</span></div></span>
        <span data-test-id="country"><div data-deferred-property-input-root="true"><span data-selenium-test="property-input-country">United States</span></div></span>
      </ul></div>`;
    document.body.append(panel);
    expect(hubspot.extract(document)).toEqual({
      fullName: 'Priya Raman',
      email: 'priya.raman@globex.example',
      company: 'Globex Corporation',
    });
  });

  it('returns null when every record is hidden', () => {
    load('contact-cached-hidden.html');
    document.querySelectorAll<HTMLElement>('#hs-record-page-root > div').forEach((r) => (r.hidden = true));
    expect(hubspot.extract(document)).toBeNull();
  });

  it('returns null on a page without a record (contacts index) and on an empty page', () => {
    expect(hubspot.extract(document)).toBeNull();
    document.body.innerHTML = `
      <nav><a data-test-id="contacts" href="/contacts/4412876/objects/0-1/views/all/list">Contacts</a></nav>
      <table><tr><td><a href="/contacts/4412876/record/0-1/1">Jane Cooper</a></td>
      <td><span data-test-id="email">jane.cooper@acme-logistics.example</span></td></tr></table>`;
    expect(hubspot.extract(document)).toBeNull();
  });

  it('uses the title as email (not as a name) when HubSpot shows the email there', () => {
    load('contact-mobile-title-chicklet.html');
    document.querySelector('[data-selenium-test="highlightTitle"] span')!.textContent = 'mj.perez@example.es';
    expect(hubspot.extract(document)).toEqual({
      email: 'mj.perez@example.es',
      phone: '+34 612 34 56 78',
      company: 'Clínica Dental Sonrisa',
    });
  });
});

describe('hubspot.isRecordPage', () => {
  it.each([
    ['https://app.hubspot.com/contacts/4412876/record/0-1/90215533101', true],
    ['https://app.hubspot.com/contacts/4412876/record/0-1/90215533101/', true],
    ['https://app-eu1.hubspot.com/contacts/25731904/record/0-1/118734502211/view/2?interaction=note', true],
    ['https://app-na2.hubspot.com/contacts/243118977/record/0-1/501122334455#activity', true],
    ['https://app.hubspot.com/contacts/4412876/contact/88120045/', true],
    ['https://app-eu1.hubspot.com/contacts/25731904/contact/88120045', true],
    ['https://app.hubspot.com/contacts/4412876/record/0-2/1877345002', false], // company
    ['https://app-eu1.hubspot.com/contacts/25731904/record/0-3/23019485561', false], // deal
    ['https://app-na2.hubspot.com/contacts/243118977/record/0-11/5', false],
    ['https://app.hubspot.com/contacts/4412876/record/2-1234567/55', false], // custom object
    ['https://app.hubspot.com/contacts/4412876/objects/0-1/views/all/list', false], // index
    ['https://app.hubspot.com/contacts/4412876/contacts/list/view/all/', false], // legacy index
    ['https://app-na2.hubspot.com/contacts/243118977/lists/12', false],
    ['https://app.hubspot.com/contacts/4412876/company/1877345002', false],
    ['https://app.hubspot.com/contacts/4412876/record/0-1/', false],
    ['https://app.hubspot.com/contacts/4412876/record/0-1/abc', false],
    ['https://app-eu1.hubspot.com/settings/25731904/properties?type=0-1', false],
    ['http://app.hubspot.com/contacts/4412876/record/0-1/90215533101', false],
    ['https://www.hubspot.com/contacts/4412876/record/0-1/90215533101', false],
    ['https://app.hubspot.com.evil.example/contacts/4412876/record/0-1/1', false],
  ])('%s → %s', (url, expected) => {
    expect(hubspot.isRecordPage(new URL(url))).toBe(expected);
  });

  it('declares the three hosts', () => {
    expect(hubspot.matches).toEqual([
      'https://app.hubspot.com/*',
      'https://app-eu1.hubspot.com/*',
      'https://app-na2.hubspot.com/*',
    ]);
  });
});

describe('dom helpers', () => {
  it('isVisible: hidden attribute, aria-hidden, display:none ancestors, visibility', () => {
    document.head.innerHTML = '<style>.gone{display:none}.ghost{visibility:hidden}</style>';
    document.body.innerHTML = `
      <div id="shown"><span id="a">a</span></div>
      <div style="display: none"><div><span id="b">b</span></div></div>
      <div class="gone"><span id="c">c</span></div>
      <section hidden><span id="d">d</span></section>
      <div aria-hidden="true"><span id="e">e</span></div>
      <div class="ghost"><span id="f">f</span><span id="g" style="visibility: visible">g</span></div>`;
    const $ = (id: string) => document.getElementById(id);
    expect(isVisible($('a'))).toBe(true);
    expect(['b', 'c', 'd', 'e', 'f'].map((id) => isVisible($(id)))).toEqual([false, false, false, false, false]);
    expect(isVisible($('g'))).toBe(true); // visibility is inherited and may be overridden
    expect(isVisible(null)).toBe(false);
    expect(firstVisible(document, 'span')?.id).toBe('a');
  });

  it('isVisible crosses shadow boundaries; queryDeep finds nodes in open shadow roots', () => {
    document.body.innerHTML = '<div id="host"></div><div id="closed"></div><p class="x">light</p>';
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<div><span class="x">outer</span><div id="inner-host"></div></div>';
    const inner = root.getElementById('inner-host')!.attachShadow({ mode: 'open' });
    inner.innerHTML = '<b class="deep">deep</b>';
    document.getElementById('closed')!.attachShadow({ mode: 'closed' }).innerHTML = '<i class="secret">no</i>';

    expect(text(queryDeep(document, '.x'))).toBe('light'); // light DOM first
    expect(text(queryDeep(document, '.deep'))).toBe('deep');
    expect(queryDeep(document, '.secret')).toBeNull();
    expect(isVisible(queryDeep(document, '.deep'))).toBe(true);
    document.getElementById('host')!.style.display = 'none';
    expect(isVisible(queryDeep(document, '.deep'))).toBe(false);
  });

  it('text, valueOf and clean', () => {
    document.body.innerHTML = `
      <p id="p">  Jane \n\t Cooper&nbsp; </p>
      <input id="i" value="  jane@example.com ">
      <textarea id="t">Line one
      line two</textarea>
      <select id="s"><option value="DE">Germany</option><option value="ES" selected>Spain</option></select>
      <span id="w"><input value="+49 30 1234567"></span>`;
    const $ = (id: string) => document.getElementById(id);
    expect(text($('p'))).toBe('Jane Cooper');
    expect(text(null)).toBe('');
    expect(valueOf($('i'))).toBe('jane@example.com');
    expect(valueOf($('t'))).toBe('Line one line two');
    expect(valueOf($('s'))).toBe('Spain');
    expect(valueOf($('w'))).toBe('+49 30 1234567');
    expect(valueOf(null)).toBe('');
    expect(['--', '—', '-', '–', 'N/A', 'n/a', '', '   ', undefined, null].map(clean)).toEqual(
      Array(10).fill(undefined),
    );
    expect(clean('  Acme   Inc. ')).toBe('Acme Inc.');
    expect(clean('NA')).toBe('NA'); // Namibia's ISO code is not a placeholder
  });
});
