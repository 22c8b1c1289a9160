import { browser } from 'wxt/browser';
import { createTokenSession } from '@/utils/session/token-session';
import { loadCredentials } from '@/utils/session/credentials';
import { cachedSettingsLoader } from '@/utils/settings';
import { openOutboxDb } from '@/utils/outbox/db';
import { createOutboxStore } from '@/utils/outbox/store';
import { createOutbox } from '@/utils/outbox/outbox';
import { readPause } from '@/utils/outbox/pause';
import { showBadge } from '@/utils/outbox/badge';
import { createNotifier } from '@/utils/notify';
import { createRouter } from '@/utils/router';
import { createContextMenus, createMenuActions } from '@/utils/context-menu';
import { syncSiteScript } from '@/utils/sites/enabled-sites';

// Wiring only. Listeners are registered synchronously at the top level so that an event that wakes
// the worker (a message, an alarm, a menu click) is delivered to them.
export default defineBackground(() => {
  const loadSettings = cachedSettingsLoader();
  const session = createTokenSession({
    loadCredentials,
    loadApiBase: async () => (await loadSettings())?.apiBase ?? null,
  });
  const store = createOutboxStore(openOutboxDb());
  const refreshBadge = async () => {
    const [counts, paused] = await Promise.all([store.counts(), readPause()]);
    await showBadge({ ...counts, paused: !!paused });
  };
  const onChange = () => void refreshBadge().catch(() => undefined);
  const outbox = createOutbox({ store, session, loadSettings, onSettled: onChange });
  const notifier = createNotifier(outbox, store, Date.now, loadSettings);
  const route = createRouter({ session, notifier, outbox, store, onChange });
  const menus = createMenuActions({
    notify: (customer) => notifier.notify(customer),
    previewFirst: async () => !(await loadSettings())?.sendWithoutPreview,
  });

  browser.runtime.onMessage.addListener((message: unknown, sender) => route(message, sender));
  browser.alarms.onAlarm.addListener((alarm) => {
    void session.onAlarm(alarm);
    void outbox.onAlarm(alarm.name);
  });
  // Chrome keeps menus across restarts; Firefox does not: create them on install and on each start-up.
  browser.runtime.onInstalled.addListener(() => void createContextMenus());
  browser.runtime.onStartup.addListener(() => void createContextMenus());
  browser.contextMenus.onClicked.addListener((info, tab) => void menus.onMenuClick(info, tab));
  browser.commands.onCommand.addListener((command, tab) => void menus.onCommand(command, tab));
  // A site enabled in the popup, or revoked from the popup or the browser's own settings.
  const onSitesChanged = () => void Promise.all([syncSiteScript(), createContextMenus()]);
  browser.permissions.onAdded.addListener(onSitesChanged);
  browser.permissions.onRemoved.addListener(onSitesChanged);
  // Back online: what waited for the network goes now rather than at its next backoff.
  globalThis.addEventListener('online', () => void outbox.online());

  void session.armRefresh();
  void syncSiteScript(); // a revoke while the worker slept still unregisters
  void outbox.flush(); // whatever the last worker (or browser session) left queued

  // Reachable only from this extension's own contexts (and DevTools): lets e2e tests run the
  // menu and shortcut handlers, which headless Chromium cannot click or press.
  Object.assign(globalThis, { rayappNotifier: { handleContextMenuClick: menus.onMenuClick, handleCommand: menus.onCommand } });
});
