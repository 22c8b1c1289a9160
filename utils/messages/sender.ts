import { browser, type Browser } from 'wxt/browser';
import { matchesAny } from '@/utils/crm/sites';

/** Where a message came from, as far as the worker trusts it. */
export type SenderKind = 'extension-page' | 'content-script' | 'untrusted';

/**
 * Extension pages (popup, options) may configure; content scripts may only notify, and only from
 * the top frame of a CRM host we serve. Anything else (another extension, a stray frame) is refused.
 */
export function classifySender(sender: Browser.runtime.MessageSender): SenderKind {
  if (sender.id !== browser.runtime.id || !sender.url) return 'untrusted';
  const extensionRoot = browser.runtime.getURL('/');
  if (sender.url.startsWith(extensionRoot)) return 'extension-page';
  if (sender.tab && sender.frameId === 0 && matchesAny(sender.url)) return 'content-script';
  return 'untrusted';
}
