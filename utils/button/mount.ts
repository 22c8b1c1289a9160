import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CrmAdapter, RawCustomer } from '@/utils/crm/types';
import { detectCustomer } from '@/utils/crm/generic';
import { isVisible } from '@/utils/crm/dom';
import { sendToWorker } from '@/utils/messages/send';
import type { NotifyOutcome, PreviewMessage } from '@/utils/messages/types';
import { createButtonView, type ButtonView } from './view';
import { closePreview, openPreview } from './preview';
import { formatTime, t } from '@/utils/i18n';

/** How long an outcome shown without a button (context menu off a record page) stays on screen. */
const FLOATING_MS = 8_000;

/**
 * When a CRM adapter finds the record but no way to reach the customer (a layout it doesn't know),
 * the generic detector may still find an email or phone on the page. It answers null when the page
 * is ambiguous (several people), so this never guesses between customers.
 */
function withFallback(customer: RawCustomer | null): RawCustomer | null {
  if (!customer || customer.email || customer.phone) return customer;
  const found = detectCustomer(document);
  if (!found?.email && !found?.phone) return customer;
  return { ...customer, email: found.email, phone: found.phone, profiles: customer.profiles ?? found.profiles };
}

/**
 * Keeps one "Notify RayApp" button right after the visible record's anchor, on record pages only.
 * It reacts to DOM mutations and SPA navigation (no polling), never duplicates, and scrapes at
 * click time so it always sends the record on screen.
 */
export function mountNotifyButton(ctx: ContentScriptContext, adapter: CrmAdapter): void {
  const view = createButtonView(() => void notify());
  // Whether to preview, and the presets to offer: asked once (at the first click, so a page load
  // never wakes the worker), asked again only after the settings change.
  let previewReply: ReturnType<typeof sendToWorker<PreviewMessage>> | undefined;
  const previewOptions = async () => {
    const reply = await (previewReply ??= sendToWorker({ type: 'preview:get' }));
    if (!reply.ok) previewReply = undefined; // not set up yet, or the worker didn't answer: ask again
    return reply;
  };
  const onStorageChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && 'settings' in changes) previewReply = undefined;
  };
  browser.storage.onChanged.addListener(onStorageChanged);
  let lastUrl = location.href;
  let scheduled = false;
  let floatingTimer: ReturnType<typeof setTimeout> | undefined;

  function visibleAnchor(): Element | null {
    if (!adapter.isRecordPage(new URL(location.href))) return null;
    for (const candidate of document.querySelectorAll(adapter.anchor)) if (isVisible(candidate)) return candidate;
    return null;
  }

  function place(): void {
    scheduled = false;
    if (location.href !== lastUrl) {
      lastUrl = location.href;
      view.clear(); // an outcome (or a preview) belongs to the record it was about
      closePreview(view.root);
    }
    if (view.host.hasAttribute('data-floating')) return;
    if (adapter.placement === 'floating') {
      // No reliable anchor on an arbitrary site: a corner of the page, on every page of it.
      view.host.setAttribute('data-corner', '');
      if (!view.host.isConnected && document.body) document.body.append(view.host);
      return;
    }
    const anchor = visibleAnchor();
    if (!anchor) view.host.remove();
    else if (anchor.nextElementSibling !== view.host) anchor.after(view.host);
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(place);
  }

  /** The button's click (also the page menu and the shortcut); `found`: a customer the worker found elsewhere. */
  async function notify(found?: RawCustomer): Promise<void> {
    if (!view.host.isConnected) float();
    const customer = found ?? (adapter.placement === 'floating' || visibleAnchor() ? withFallback(adapter.extract(document)) : null);
    if (!customer) {
      view.show('warn', t('openRecord'));
      return settle();
    }
    let presetId: string | undefined;
    let chosen = customer;
    view.busy(); // a double click is one click
    const options = await previewOptions();
    if (options.ok && options.preview) {
      closePreview(view.root);
      view.clear();
      clearTimeout(floatingTimer); // nobody is hurried while reading the preview
      const choice = await openPreview(view.root, customer, options.presets, options.defaultPresetId);
      if (!choice) return settle(); // Esc: nothing is sent
      ({ customer: chosen, presetId } = choice);
    }
    view.busy();
    show(await sendToWorker({ type: 'notify', customer: chosen, ...(presetId ? { presetId } : {}) }));
    settle();
  }

  /** A floating box (off a record page) goes away a while after its outcome is shown. */
  function settle(): void {
    if (!view.host.hasAttribute('data-floating')) return;
    clearTimeout(floatingTimer);
    floatingTimer = setTimeout(() => {
      view.host.removeAttribute('data-floating');
      view.host.remove();
      schedule();
    }, FLOATING_MS);
  }

  function show(outcome: NotifyOutcome): void {
    if (outcome.ok) view.show('ok', `✓ ${outcome.message}`);
    else if (outcome.status === 'queued') {
      const when = outcome.retryAt
        ? t('retryingAt', formatTime(outcome.retryAt))
        : t('afterSignIn');
      view.show('warn', t('queuedOutcome', when, outcome.error));
    } else if (outcome.status === 'failed') view.show('error', t('failedOutcome', outcome.error));
    else view.show('warn', t('notSentOutcome', outcome.error));
  }

  /** Off a record page the menus still answer: in a corner of the page. */
  function float(): void {
    view.host.setAttribute('data-floating', '');
    document.body.append(view.host);
  }

  const observer = new MutationObserver(schedule);
  // Attributes too: CRMs switch between cached records by toggling `hidden`/`style`, not by re-rendering.
  observer.observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['hidden', 'style', 'class', 'aria-hidden'],
  });
  // SPA navigation: pushState fires nothing, but the Navigation API does (Chrome 102+); the CRM's
  // re-render is caught by the observer anyway, so no polling is needed.
  ctx.addEventListener(window, 'popstate', schedule);
  ctx.addEventListener(window, 'hashchange', schedule);
  (window as { navigation?: EventTarget }).navigation?.addEventListener('navigatesuccess', schedule, { signal: ctx.signal });
  // From the worker only (pages can't reach this listener): the menus and the shortcut.
  browser.runtime.onMessage.addListener((message: unknown) => {
    const { type, outcome, customer } = (message ?? {}) as { type?: unknown; outcome?: NotifyOutcome; customer?: RawCustomer };
    if (type === 'menu:notify') void notify();
    if (type === 'preview:open' && customer && typeof customer === 'object') void notify(customer);
    if (type === 'notify:outcome' && outcome && typeof outcome.status === 'string') {
      if (!view.host.isConnected) float();
      show(outcome);
      settle();
    }
  });
  ctx.onInvalidated(() => {
    browser.storage.onChanged.removeListener(onStorageChanged);
    observer.disconnect();
    clearTimeout(floatingTimer);
    view.host.remove();
  });
  place();
}

export type { ButtonView };
