import { browser, type Browser } from 'wxt/browser';
import { matchesAny } from '@/utils/crm/sites';
import { isEnabledSite } from '@/utils/sites/enabled-sites';

/** Where a message came from, as far as the worker trusts it. */
export type SenderKind = 'extension-page' | 'content-script' | 'untrusted';

/**
 * Extension pages (popup, options) may configure; content scripts may only notify, and only from
 * the top frame of a CRM host we serve or a site the user enabled. Anything else (another
 * extension, a stray frame, a site whose permission was revoked) is refused.
 */
export async function classifySender(sender: Browser.runtime.MessageSender): Promise<SenderKind> {
  if (sender.id !== browser.runtime.id || !sender.url) return 'untrusted';
  const extensionRoot = browser.runtime.getURL('/');
  if (sender.url.startsWith(extensionRoot)) return 'extension-page';
  if (!sender.tab || sender.frameId !== 0) return 'untrusted';
  if (matchesAny(sender.url) || (await isEnabledSite(sender.url))) return 'content-script';
  return 'untrusted';
}
