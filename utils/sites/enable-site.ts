import { browser, type Browser } from 'wxt/browser';
import { sitePattern } from './site-pattern';
import { SITE_SCRIPT_FILE } from './enabled-sites';
import { t } from '@/utils/i18n';

export type EnableResult = { ok: true; site: string } | { ok: false; error: string };

/**
 * "Enable RayApp on this site", from the popup. Must run inside the click (the browser shows its
 * permission prompt only for a user gesture). The worker registers the content script for future
 * visits when the permission arrives; the open tab gets it now, so no reload is needed.
 */
export async function enableSite(tab: Pick<Browser.tabs.Tab, 'id' | 'url'> | undefined): Promise<EnableResult> {
  const site = sitePattern(tab?.url);
  if (!tab?.id || !site) return { ok: false, error: t('enableOnlyWeb') };
  const granted = await browser.permissions.request({ origins: [site] });
  if (!granted) return { ok: false, error: t('permissionDenied') };
  try {
    await browser.scripting.executeScript({ target: { tabId: tab.id }, files: [SITE_SCRIPT_FILE] });
  } catch {
    // The page may be one the browser protects; the script still runs on the site's next pages.
  }
  return { ok: true, site };
}

/** Remove a site: revoking the permission makes the worker unregister its script. */
export async function disableSite(site: string): Promise<boolean> {
  return browser.permissions.remove({ origins: [site] });
}
