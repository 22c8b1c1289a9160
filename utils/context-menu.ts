import { browser, type Browser } from 'wxt/browser';
import { crmMatches } from '@/utils/crm/sites';
import { enabledSites } from '@/utils/sites/enabled-sites';
import { parseSelection } from '@/utils/customer/selection';
import { parseContactLink } from '@/utils/customer/contact-link';
import type { RawCustomer } from '@/utils/crm/types';
import type { MenuNotifyMessage, NotifyOutcome, OutcomeMessage, PreviewOpenMessage } from '@/utils/messages/types';
import { t } from '@/utils/i18n';

export const NOTIFY_PAGE_MENU = 'rayapp-notify-page';
export const NOTIFY_SELECTION_MENU = 'rayapp-notify-selection';
export const NOTIFY_LINK_MENU = 'rayapp-notify-link';
export const NOTIFY_COMMAND = 'notify-customer';

/** (Re)create the menus, shown on the CRM hosts and on the sites the user enabled. */
export async function createContextMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  const documentUrlPatterns = [...crmMatches, ...(await enabledSites())];
  browser.contextMenus.create({ id: NOTIFY_PAGE_MENU, title: t('menuPage'), contexts: ['page'], documentUrlPatterns });
  browser.contextMenus.create({ id: NOTIFY_SELECTION_MENU, title: t('menuSelection'), contexts: ['selection'], documentUrlPatterns });
  // Match patterns can't name mailto:/tel:, so the item shows on every link and the click checks it.
  browser.contextMenus.create({ id: NOTIFY_LINK_MENU, title: t('menuLink'), contexts: ['link'], documentUrlPatterns });
}

export interface MenuDeps {
  notify(customer: RawCustomer): Promise<NotifyOutcome>;
  /** Whether a found customer opens the preview first (unless "Send without preview" is on). */
  previewFirst(): Promise<boolean>;
}

/**
 * What the menus and the keyboard shortcut do. The page menu and the shortcut do exactly what the
 * page's button does (the content script scrapes the visible record now); the selection and link
 * menus find the customer in the worker and show the outcome on the page.
 */
export function createMenuActions({ notify, previewFirst }: MenuDeps) {
  async function tell(tabId: number, message: MenuNotifyMessage | OutcomeMessage | PreviewOpenMessage): Promise<void> {
    try {
      await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
    } catch {
      // The page was opened before the extension was installed or updated: its script is gone.
      console.warn('RayApp Notifier: this tab has no RayApp button yet; reload the page');
    }
  }

  async function notifyFound(tabId: number, customer: RawCustomer | null, nothing: string): Promise<void> {
    if (customer && (await previewFirst())) return tell(tabId, { type: 'preview:open', customer });
    const outcome: NotifyOutcome = customer ? await notify(customer) : { ok: false, status: 'not-sent', error: nothing };
    await tell(tabId, { type: 'notify:outcome', outcome });
  }

  return {
    async onMenuClick(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): Promise<void> {
      if (tab?.id === undefined) return;
      if (info.menuItemId === NOTIFY_PAGE_MENU) return tell(tab.id, { type: 'menu:notify' });
      if (info.menuItemId === NOTIFY_SELECTION_MENU) {
        return notifyFound(tab.id, parseSelection(info.selectionText ?? ''), t('noContactInSelection'));
      }
      if (info.menuItemId === NOTIFY_LINK_MENU) {
        const text = (info as { linkText?: string }).linkText;
        return notifyFound(tab.id, parseContactLink(info.linkUrl, text), t('linkNotContact'));
      }
    },

    /** The keyboard shortcut (Alt+Shift+Y by default): the customer on the current tab. */
    async onCommand(command: string, tab?: Browser.tabs.Tab): Promise<void> {
      if (command !== NOTIFY_COMMAND) return;
      const target = tab ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0];
      if (target?.id !== undefined) await tell(target.id, { type: 'menu:notify' });
    },
  };
}
