import { browser } from 'wxt/browser';
import { createTokenSession } from '@/utils/session/token-session';
import { loadCredentials } from '@/utils/session/credentials';
import { loadSettings } from '@/utils/settings';
import { createNotifier } from '@/utils/notify';
import { createRouter } from '@/utils/router';
import { createContextMenus, handleContextMenuClick } from '@/utils/context-menu';

// Wiring only. Listeners are registered synchronously at the top level so that an event that wakes
// the worker (a message, the refresh alarm, a menu click) is delivered to them.
export default defineBackground(() => {
  const session = createTokenSession({
    loadCredentials,
    loadApiBase: async () => (await loadSettings())?.apiBase ?? null,
  });
  const notifier = createNotifier(session);
  const route = createRouter(session, notifier);

  browser.runtime.onMessage.addListener((message: unknown, sender) => route(message, sender));
  browser.alarms.onAlarm.addListener((alarm) => void session.onAlarm(alarm));
  // Chrome keeps menus across restarts; Firefox does not: create them on install and on each start-up.
  browser.runtime.onInstalled.addListener(() => void createContextMenus());
  browser.runtime.onStartup.addListener(() => void createContextMenus());
  browser.contextMenus.onClicked.addListener((info, tab) => void handleContextMenuClick(info, tab));

  void session.armRefresh();

  // Reachable only from this extension's own contexts (and DevTools): lets e2e tests run the
  // context-menu path, which headless Chromium cannot click.
  Object.assign(globalThis, { rayappNotifier: { handleContextMenuClick } });
});
