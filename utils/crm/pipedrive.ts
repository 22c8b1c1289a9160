import { clean, firstVisible, text } from './dom';
import type { CrmAdapter, RawCustomer } from './types';

// Pipedrive person page. Evidence: /work/shared/CRM_DOM_NOTES.md ("Pipedrive — person page", LOW–MED).
// Confirmed by several click-to-call extensions (2019–2024): `.viewContainer` per visited view, the
// inactive ones kept with `display:none`; `.detailView.personDetails .infoBlock`; phones as
// `.fieldsList [data-test="phone-number-button"]` whose text is the number, with the phone's label
// ("Work", "Mobile") in a sibling next to it, and `document.title` "<Name> - contact details".
// GUESSES, marked where used: the header title selectors, the organisation link, the data-testid /
// data-cy twins of data-test, and the newer UI's `data-testid="fields-list-row"` rows (seen in 2025
// userscripts on deal pages only). Labels are localised and never read.

const HOST = /^[a-z0-9-]+\.pipedrive\.com$/;
const RECORD_PATH = /^\/person\/\d+\/?$/;

// One per rendered person view; cached ones hidden (isVisible rejects display:none ancestors).
const VIEW = '.detailView.personDetails';
// The sidebar blocks holding the person's own fields. The activity feed (emails, notes) and deal
// cards elsewhere in the view carry other people's addresses and numbers, so fields are read here
// first; the whole view is used only when no such block is rendered (an unknown newer layout).
const BLOCK = ['.infoBlock', '.fieldsList', '[data-testid="fields-list-row"]'];
// Header title. GUESS: data-test/-testid "header-title" and a bare h1 inside the view.
const NAME = '[data-test="header-title"],[data-testid="header-title"],h1';
// The number's own node (label kept outside it, or in a child without digits). data-testid and
// data-cy twins are GUESSES; tel:/callto: links are the older grid's and the generic fallback.
const PHONE =
  '[data-test="phone-number-button"],[data-testid="phone-number-button"],[data-cy="phone-number-button"],a[href^="tel:"],a[href^="callto:"]';
const EMAIL = 'a[href^="mailto:"]';
// GUESS: organisation links point at /organization/<id> (the app's route for organisations).
const ORG = 'a[href*="/organization/"]';

/** The first visible match in the person's field blocks, else (no blocks rendered) in the view. */
function find(view: Element, sel: string): Element | null {
  if (!view.querySelector(BLOCK.join())) return firstVisible(view, sel);
  return firstVisible(view, BLOCK.flatMap((b) => sel.split(',').map((s) => `${b} ${s}`)).join());
}

const decode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** The number shown, without a label ("(Work)", "Móvil") or an extension; never a masked value. */
function phone(el: Element | null): string | undefined {
  const href = decode(el?.getAttribute('href')?.replace(/^[a-z]+:/i, '') ?? '');
  const t = [text(el), href].find((s) => /\d/.test(s)) ?? '';
  if (!t.includes('**')) return clean(/\+?\(?\d[\d\s().\/-]*\d/.exec(t)?.[0]);
}

/** A mailto: link's address (query such as ?subject= dropped), else its text. */
const email = (el: Element | null) =>
  clean(decode(el?.getAttribute('href')?.slice(7).split('?')[0] ?? '')) ?? clean(text(el));

export const pipedrive: CrmAdapter = {
  id: 'pipedrive',
  matches: ['https://*.pipedrive.com/*'],

  isRecordPage(url: URL): boolean {
    return url.protocol === 'https:' && HOST.test(url.hostname) && RECORD_PATH.test(url.pathname);
  },

  // The header title when rendered (GUESS), else the first sidebar block's spacer, where the
  // click-to-call extensions insert their button.
  anchor: `${VIEW} [data-test="header-title"],${VIEW} h1,${VIEW} .infoBlock .spacer`,

  extract(doc: Document): RawCustomer | null {
    const view = firstVisible(doc, VIEW);
    if (!view) return null;
    // Title fallback: "<Name> - contact details" (suffix localised; an unread count may lead).
    const title = doc.title.replace(/^\(\d+\)\s*/, '');
    const cut = title.lastIndexOf(' - ');
    const c: RawCustomer = {
      fullName: clean(text(firstVisible(view, NAME))) ?? (cut > 0 ? clean(title.slice(0, cut)) : undefined),
      email: email(find(view, EMAIL)),
      phone: phone(find(view, PHONE)),
      company: clean(text(find(view, ORG))),
    };
    for (const k of Object.keys(c) as (keyof RawCustomer)[]) if (c[k] === undefined) delete c[k];
    return c;
  },
};
