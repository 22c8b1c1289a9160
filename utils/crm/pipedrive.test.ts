import { adapterFixtures } from '@/tests/unit/fixture-page';
import { beforeEach, describe, expect, it } from 'vitest';
import { isVisible } from './dom';
import { pipedrive } from './pipedrive';
import type { RawCustomer } from './types';

const { read, load, urlOf } = adapterFixtures('pipedrive');

/** The first visible anchor, as mountNotifyButton picks it. */
const anchor = () => [...document.querySelectorAll(pipedrive.anchor)].find((el) => isVisible(el));

beforeEach(() => {
  document.documentElement.innerHTML = '<head></head><body></body>';
});

const cases: [file: string, expected: RawCustomer][] = [
  [
    'person-en-full.html',
    {
      fullName: 'Jane Cooper',
      email: 'jane.cooper@acme-logistics.example',
      phone: '+1 (415) 555-0100',
      company: 'Acme Logistics',
    },
  ],
  [
    'person-es-title-name.html',
    {
      fullName: 'Lucía Fernández García',
      email: 'lucia.fernandez@ferreteria-ejemplo.es',
      phone: '+34 612 34 56 78',
      company: 'Ferretería Ejemplo S.L.',
    },
  ],
  [
    'person-cached-hidden.html',
    {
      fullName: 'Oliver Smith',
      email: 'oliver.smith@contoso.example',
      phone: '+61 2 9374 4000',
      company: 'Contoso Pty Ltd',
    },
  ],
  ['person-decoys-sparse.html', { fullName: 'Priya Raman', email: 'Priya.Raman@globex.example' }],
];

describe('pipedrive.extract on fixtures', () => {
  it.each(cases)('%s', (file, expected) => {
    const html = load(file);
    expect(pipedrive.isRecordPage(urlOf(html))).toBe(true);
    expect(anchor()?.closest('.detailView.personDetails')).toBeTruthy();
    expect(pipedrive.extract(document)).toEqual(expected);
  });

  it.each(cases)('%s also reads from a DOMParser document', (file, expected) => {
    const doc = new DOMParser().parseFromString(read(file), 'text/html');
    expect(pipedrive.extract(doc)).toEqual(expected);
  });

  it('places the button after the visible header title, else after the first block spacer', () => {
    load('person-cached-hidden.html');
    expect(anchor()?.textContent).toBe('Oliver Smith');
    load('person-es-title-name.html');
    expect(anchor()?.matches('.infoBlock .spacer')).toBe(true);
  });

  it('follows the SPA when another cached view becomes the visible one', () => {
    load('person-cached-hidden.html');
    const views = document.querySelectorAll<HTMLElement>('.viewContainer');
    views[2]!.style.display = 'none';
    views[1]!.style.display = '';
    document.title = 'Tom Baker - contact details';
    expect(pipedrive.extract(document)).toEqual({
      fullName: 'Tom Baker',
      email: 'tom.baker@northwind.example',
      phone: '+44 20 7946 0018',
      company: 'Northwind Traders',
    });
    expect(anchor()?.textContent).toBe('Tom Baker');
  });

  it('returns null when every view is hidden (the persons list is showing) and on an empty page', () => {
    expect(pipedrive.extract(document)).toBeNull();
    load('person-cached-hidden.html');
    const views = document.querySelectorAll<HTMLElement>('.viewContainer');
    views[2]!.style.display = 'none';
    views[0]!.style.display = '';
    expect(pipedrive.extract(document)).toBeNull();
    expect(anchor()).toBeUndefined();
  });

  it('reads the fields from the whole view when no field block is rendered (unknown layout)', () => {
    document.title = 'Ana Silva - contact details';
    document.body.innerHTML = `
      <div class="viewContainer"><div class="detailView personDetails">
        <div class="header">Ana Silva</div>
        <a href="callto:+351210000000">+351 21 000 0000</a> <span>Work</span>
        <a href="mailto:ana.silva@exemplo.pt">ana.silva@exemplo.pt</a>
        <a href="/organization/3">Exemplo Lda</a>
      </div></div>`;
    expect(pipedrive.extract(document)).toEqual({
      fullName: 'Ana Silva',
      email: 'ana.silva@exemplo.pt',
      phone: '+351 21 000 0000',
      company: 'Exemplo Lda',
    });
  });

  it('never sends a masked number, and reads a phone link with no text from its href', () => {
    load('person-en-full.html');
    const [work, mobile] = document.querySelectorAll('[data-test="phone-number-button"]');
    work!.textContent = '******0100';
    expect(pipedrive.extract(document)?.phone).toBeUndefined();
    mobile!.remove();
    work!.outerHTML = '<a href="tel:%2B14155550100" aria-label="Call"><svg></svg></a>';
    expect(pipedrive.extract(document)?.phone).toBe('+14155550100');
  });

  it('has no name when neither the header nor the title shows one', () => {
    load('person-es-title-name.html');
    document.title = 'Pipedrive';
    expect(pipedrive.extract(document)).not.toHaveProperty('fullName');
  });
});

describe('pipedrive.isRecordPage', () => {
  it.each([
    ['https://acme-sales.pipedrive.com/person/1042', true],
    ['https://acme-sales.pipedrive.com/person/1042/', true],
    ['https://app.pipedrive.com/person/42?tab=email', true],
    ['https://ferreteria-ejemplo.pipedrive.com/person/77#activity', true],
    ['https://acme-sales.pipedrive.com/persons/list/user/everyone', false],
    ['https://acme-sales.pipedrive.com/organization/311', false],
    ['https://acme-sales.pipedrive.com/deal/5521', false],
    ['https://acme-sales.pipedrive.com/person/', false],
    ['https://acme-sales.pipedrive.com/person/abc', false],
    ['https://acme-sales.pipedrive.com/person/1042/edit', false],
    ['http://acme-sales.pipedrive.com/person/1042', false],
    ['https://pipedrive.com/person/1042', false],
    ['https://acme.pipedrive.com.evil.example/person/1', false],
  ])('%s → %s', (url, expected) => {
    expect(pipedrive.isRecordPage(new URL(url))).toBe(expected);
  });

  it('declares the Pipedrive hosts', () => {
    expect(pipedrive.matches).toEqual(['https://*.pipedrive.com/*']);
  });
});
