import { clean, firstVisible, isVisible } from './dom';
import type { CrmAdapter, RawCustomer } from './types';

// Gmail, an open conversation. Evidence: /work/shared/CRM_DOM_NOTES.md ("Gmail — open message",
// HIGH) and InboxSDK's message view: each message of a thread is a list item, `.h7` when expanded
// (its content in `div.adn`), `.kv` when collapsed (one header line), `.kQ`/`.kx` when folded into
// "N older messages" (no sender shown). The sender is the header's `span.gD` with `email` and `name`
// attributes; recipients are `span.g2[email]`. Class names are Gmail's short, stable ones; labels
// and the UI language are never read. The customer is the person the user corresponds with, so the
// user's own messages are skipped.

// /mail/u/<n>/#<route>/<threadId>; routes with a parameter (label name, search query, category)
// have three segments. Thread ids: 16 hex digits (legacy) or a long token like FMfcgzQZTV…; an
// all-lowercase word (a search term, a page "p2") is not one.
const ROUTE3 = /^(?:label|search|category|advanced-search)$/;
const THREAD = /^(?![a-z]+$)[A-Za-z0-9]{16,}$/;

// Expanded messages' bodies and collapsed messages' headers, in thread order.
const MESSAGE = 'div.adn,div.kv';
const EMAIL = /[^\s@<>()"',;:]+@[^\s@<>()"',;:]+\.[a-z]{2,}/gi;

/**
 * The signed-in address: the last address in the title ("Inbox (3) - me@example.com - Gmail"; a
 * thread's subject, which may hold addresses too, comes first; Workspace brands the last part), else
 * the account button's label ("Google Account: Me (me@example.com)").
 */
function self(doc: Document): string | undefined {
  const inTitle = doc.title.match(EMAIL);
  const button = doc.querySelector('a[href^="https://accounts.google.com/SignOutOptions"][aria-label*="@"]');
  return (inTitle?.at(-1) ?? button?.getAttribute('aria-label')?.match(EMAIL)?.at(-1))?.toLowerCase();
}

/** A message's sender: the header's span.gD, else the first contact chip (the sender comes first). */
const senderOf = (m: Element) => firstVisible(m, 'span.gD[email]') ?? firstVisible(m, '[email][data-hovercard-id]');

export const gmail: CrmAdapter = {
  id: 'gmail',
  matches: ['https://mail.google.com/*'],

  isRecordPage(url: URL): boolean {
    if (url.protocol !== 'https:' || url.hostname !== 'mail.google.com') return false;
    if (!/^\/mail\/(?:u\/\d+\/?)?$/.test(url.pathname)) return false;
    const parts = url.hash.slice(1).split('?')[0]!.split('/');
    const n = ROUTE3.test(parts[0]!) ? 3 : 2;
    return parts.length === n && THREAD.test(parts[n - 1]!);
  },

  // The subject heading of the open conversation.
  anchor: 'h2.hP',

  extract(doc: Document): RawCustomer | null {
    const me = self(doc);
    const mine = (el: Element | null) => el?.getAttribute('email')?.toLowerCase() === me;
    const messages = [...doc.querySelectorAll(MESSAGE)].filter(isVisible);
    const expanded = messages.filter((m) => m.matches('div.adn'));
    const last = expanded.at(-1);
    if (!last) return null;
    // The last expanded message's sender; when that is the user, the latest message from someone
    // else (collapsed ones included); when the user wrote them all, whom they wrote to.
    const pick = (els: Iterable<Element | null>) => {
      for (const el of els) if (el && isVisible(el) && !mine(el)) return el;
      return null;
    };
    const who =
      pick([last, ...messages.reverse()].map(senderOf)) ?? pick(last.querySelectorAll('span.g2[email]'));
    const email = clean(who?.getAttribute('email'));
    if (!email) return null;
    const name = clean(who?.getAttribute('name'));
    return name && !name.includes('@') ? { fullName: name, email } : { email };
  },
};
