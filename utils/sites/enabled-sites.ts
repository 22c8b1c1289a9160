import { browser } from 'wxt/browser';
import { crmMatches } from '@/utils/crm/sites';
import { sitePattern } from './site-pattern';

/** The runtime-registered content script that serves every site the user enabled. */
export const SITE_SCRIPT_ID = 'rayapp-sites';
export const SITE_SCRIPT_FILE = '/content-scripts/generic.js';

/** Host permissions the manifest asks for itself: they are not "sites the user enabled". */
const BUILT_IN = new Set([...crmMatches, 'https://api.rayapp.io/*']);

/**
 * The sites the user enabled are exactly the optional host permissions granted: the browser keeps
 * that list (and lets the user revoke it from its own settings), so we keep no copy to drift.
 */
export async function enabledSites(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  return origins.filter((origin) => !BUILT_IN.has(origin)).sort();
}

/** Whether a page belongs to a site the user enabled. */
export async function isEnabledSite(url: string): Promise<boolean> {
  const pattern = sitePattern(url);
  if (!pattern || BUILT_IN.has(pattern)) return false;
  return browser.permissions.contains({ origins: [pattern] });
}

/** Make the registered content script match the enabled sites: register, update or unregister. */
export async function syncSiteScript(): Promise<void> {
  const sites = await enabledSites();
  const [registered] = await browser.scripting.getRegisteredContentScripts({ ids: [SITE_SCRIPT_ID] });
  if (sites.length === 0) {
    if (registered) await browser.scripting.unregisterContentScripts({ ids: [SITE_SCRIPT_ID] });
    return;
  }
  const script = { id: SITE_SCRIPT_ID, matches: sites, js: [SITE_SCRIPT_FILE], runAt: 'document_idle' as const };
  if (registered) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([{ ...script, persistAcrossSessions: true }]);
}
