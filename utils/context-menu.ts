import { browser, type Browser } from 'wxt/browser';
import { crmMatches } from '@/utils/crm/sites';
import { enabledSites } from '@/utils/sites/enabled-sites';
import type { MenuNotifyMessage } from '@/utils/messages/types';

export const NOTIFY_PAGE_MENU = 'rayapp-notify-page';

/** (Re)create the menus, shown on the CRM hosts and on the sites the user enabled. */
export async function createContextMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: NOTIFY_PAGE_MENU,
    title: 'Notify RayApp about this customer',
    contexts: ['page'],
    documentUrlPatterns: [...crmMatches, ...(await enabledSites())],
  });
}

/**
 * The page menu does exactly what the page's button does: the content script scrapes the visible
 * record at this moment, sends it, and shows the outcome on the button.
 */
export async function handleContextMenuClick(
  info: Browser.contextMenus.OnClickData,
  tab?: Browser.tabs.Tab,
): Promise<void> {
  if (info.menuItemId !== NOTIFY_PAGE_MENU || tab?.id === undefined) return;
  const message: MenuNotifyMessage = { type: 'menu:notify' };
  try {
    await browser.tabs.sendMessage(tab.id, message, { frameId: 0 });
  } catch {
    // The page was opened before the extension was installed or updated: its script is gone.
    console.warn('RayApp Notifier: this tab has no RayApp button yet; reload the page');
  }
}
