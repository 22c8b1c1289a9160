import { adapterFixtures } from '@/tests/unit/fixture-page';
import { beforeEach, describe, expect, it } from 'vitest';
import { isVisible } from './dom';
import { gmail } from './gmail';
import type { RawCustomer } from './types';

const { read, load, urlOf } = adapterFixtures('gmail');

/** The first visible anchor, as mountNotifyButton picks it. */
const anchor = () => [...document.querySelectorAll(gmail.anchor)].find((el) => isVisible(el));

beforeEach(() => {
  document.documentElement.innerHTML = '<head></head><body></body>';
});

const cases: [file: string, expected: RawCustomer][] = [
  ['thread-inbox-en.html', { fullName: 'Jane Cooper', email: 'jane.cooper@acme-logistics.example' }],
  ['thread-es-own-reply-last.html', { fullName: 'Lucía Fernández García', email: 'lucia.fernandez@cliente-ejemplo.es' }],
  ['thread-search-all-mine.html', { fullName: 'Priya Raman', email: 'priya.raman@globex.example' }],
  ['thread-hovercard-fallback.html', { email: 'billing@shop.example' }],
];

describe('gmail.extract on fixtures', () => {
  it.each(cases)('%s', (file, expected) => {
    const html = load(file);
    expect(gmail.isRecordPage(urlOf(html))).toBe(true);
    expect(anchor()?.textContent).toBeTruthy();
    expect(gmail.extract(document)).toEqual(expected);
  });

  it.each(cases)('%s also reads from a DOMParser document', (file, expected) => {
    const doc = new DOMParser().parseFromString(read(file), 'text/html');
    expect(gmail.extract(doc)).toEqual(expected);
  });

  it('takes the last expanded message, even when a later collapsed one exists', () => {
    load('thread-hovercard-fallback.html');
    // Tom's collapsed message moved after the expanded one (the user collapsed the latest).
    const list = document.querySelector('[role="list"]')!;
    list.append(list.querySelector('.kv')!);
    expect(gmail.extract(document)).toEqual({ email: 'billing@shop.example' });
  });

  it('takes the latest other sender (a collapsed message) before the recipients of the user’s reply', () => {
    load('thread-es-own-reply-last.html');
    // The reply went to the customer's purchasing desk, not back to Lucía.
    const to = document.querySelector('div.adn .g2')!;
    to.setAttribute('email', 'compras@cliente-ejemplo.es');
    to.setAttribute('name', 'Compras Cliente Ejemplo');
    expect(gmail.extract(document)).toEqual({
      fullName: 'Lucía Fernández García',
      email: 'lucia.fernandez@cliente-ejemplo.es',
    });
    // Lucía's message removed: the supplier's older collapsed message is the latest from someone else.
    document.querySelectorAll('.kv')[1]!.remove();
    expect(gmail.extract(document)).toEqual({ fullName: 'Pedidos Proveedor', email: 'pedidos@proveedor-ejemplo.es' });
  });

  it('finds the user from the account button when the title has no address', () => {
    load('thread-es-own-reply-last.html');
    document.title = 'Gmail';
    expect(gmail.extract(document)).toEqual({
      fullName: 'Lucía Fernández García',
      email: 'lucia.fernandez@cliente-ejemplo.es',
    });
    // Nothing tells who the user is: the last message's sender is all we can say.
    document.querySelector('a[href^="https://accounts.google.com/SignOutOptions"]')!.remove();
    expect(gmail.extract(document)).toEqual({ fullName: 'Ventas Ferretería', email: 'ventas@ferreteria-ejemplo.es' });
  });

  it('compares addresses case-insensitively and skips the user among recipients', () => {
    load('thread-search-all-mine.html');
    document.title = 'Follow-up: chairs - Sam.Rivera@Gmail.com - Gmail';
    const last = [...document.querySelectorAll('div.adn')].at(-1)!;
    // The last message now addressed to the user first (a note to self, cc Priya).
    last.querySelector('.hb')!.prepend(last.querySelector('.g2[email="sam.rivera@gmail.com"]')!);
    expect(gmail.extract(document)).toEqual({ fullName: 'Priya Raman', email: 'priya.raman@globex.example' });
  });

  it('returns null on the inbox list, with the thread view hidden, and on an empty page', () => {
    expect(gmail.extract(document)).toBeNull();
    load('thread-inbox-en.html');
    document.querySelector<HTMLElement>('.nH.if')!.style.display = 'none';
    document.querySelector<HTMLElement>('[gh="tl"]')!.style.display = '';
    expect(gmail.extract(document)).toBeNull();
    expect(anchor()).toBeUndefined();
  });

  it('returns null when the thread holds only collapsed messages, or only the user with no recipient', () => {
    load('thread-es-own-reply-last.html');
    document.querySelector('div.adn')!.remove();
    expect(gmail.extract(document)).toBeNull();
    load('thread-inbox-en.html');
    document.title = 'Quote for 40 chairs - jane.cooper@acme-logistics.example - Gmail'; // Jane's own mailbox
    document.querySelector('.g2')!.remove();
    expect(gmail.extract(document)).toBeNull();
  });
});

describe('gmail.isRecordPage', () => {
  it.each([
    ['https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTVwrHbkkBDhRjJmTVnXmfcRw', true],
    ['https://mail.google.com/mail/u/1/#label/Clientes/FMfcgzQZTWCBkqnlGLhbPQNMXzLqdPwr', true],
    ['https://mail.google.com/mail/u/0/#label/Projects%2FQ4/FMfcgzQZTWCBkqnlGLhbPQNMXzLqdPwr', true],
    ['https://mail.google.com/mail/u/0/#search/chairs+globex/18c6000000000002', true],
    ['https://mail.google.com/mail/u/0/#sent/18c4f2a3b5d6e7f8', true],
    ['https://mail.google.com/mail/u/0/#category/promotions/FMfcgzQZTVwsJbmpJRqKlmzZXvhNCPQk', true],
    ['https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTVwsJbmpJRqKlmzZXvhNCPQk?compose=new', true],
    ['https://mail.google.com/mail/#inbox/FMfcgzQZTVwrHbkkBDhRjJmTVnXmfcRw', true],
    ['https://mail.google.com/mail/u/0/#inbox', false],
    ['https://mail.google.com/mail/u/0/', false],
    ['https://mail.google.com/mail/u/0/#inbox/p2', false],
    ['https://mail.google.com/mail/u/0/#search/internationalization', false],
    ['https://mail.google.com/mail/u/0/#label/Projects2024Planning', false],
    ['https://mail.google.com/mail/u/0/#settings/general', false],
    ['https://mail.google.com/mail/u/0/#inbox?compose=CllgCJNqsKxvHZBPTbXWqDmRmPNcgRSgGLMFrKjL', false],
    ['https://mail.google.com/chat/u/0/#chat/home', false],
    ['http://mail.google.com/mail/u/0/#inbox/FMfcgzQZTVwrHbkkBDhRjJmTVnXmfcRw', false],
    ['https://mail.google.com.evil.example/mail/u/0/#inbox/FMfcgzQZTVwrHbkkBDhRjJmTVnXmfcRw', false],
  ])('%s → %s', (url, expected) => {
    expect(gmail.isRecordPage(new URL(url))).toBe(expected);
  });

  it('declares Gmail', () => {
    expect(gmail.matches).toEqual(['https://mail.google.com/*']);
  });
});
