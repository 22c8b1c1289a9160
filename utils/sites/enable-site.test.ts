import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { disableSite, enableSite } from './enable-site';
import { enabledSites, isEnabledSite, syncSiteScript, SITE_SCRIPT_ID } from './enabled-sites';

// fakeBrowser has no permissions or scripting implementation: these spies are the browser.
let request: ReturnType<typeof vi.fn>;
let execute: ReturnType<typeof vi.fn>;
beforeEach(() => {
  request = vi.fn().mockResolvedValue(true);
  execute = vi.fn().mockResolvedValue([]);
  Object.assign(fakeBrowser.permissions, { request, remove: vi.fn().mockResolvedValue(true) });
  Object.assign(fakeBrowser, { scripting: { executeScript: execute } });
});

describe('Enable RayApp on this site (the popup click)', () => {
  it('asks for exactly that site, then runs the button on the open tab', async () => {
    const result = await enableSite({ id: 12, url: 'https://crm.example.com/contacts/7?tab=notes' });
    expect(result).toEqual({ ok: true, site: 'https://crm.example.com/*' });
    expect(request).toHaveBeenCalledWith({ origins: ['https://crm.example.com/*'] });
    expect(execute).toHaveBeenCalledWith({ target: { tabId: 12 }, files: ['/content-scripts/generic.js'] });
  });

  it('keeps the port of a self-hosted install, and allows plain http on an intranet', async () => {
    await enableSite({ id: 3, url: 'http://odoo.intranet:8069/odoo/contacts/5' });
    expect(request).toHaveBeenCalledWith({ origins: ['http://odoo.intranet:8069/*'] });
  });

  it('a refused prompt changes nothing and says so', async () => {
    request.mockResolvedValue(false);
    expect(await enableSite({ id: 12, url: 'https://crm.example.com/' })).toEqual({ ok: false, error: expect.stringMatching(/not granted/) });
    expect(execute).not.toHaveBeenCalled();
  });

  it('browser pages and missing tabs are refused before any prompt', async () => {
    for (const tab of [{ id: 1, url: 'chrome://settings' }, { id: 1, url: 'about:blank' }, { id: 1 }, undefined]) {
      expect(await enableSite(tab)).toMatchObject({ ok: false });
    }
    expect(request).not.toHaveBeenCalled();
  });

  it('a page the browser protects still counts as enabled (its next pages get the script)', async () => {
    execute.mockRejectedValue(new Error('Cannot access contents of the page'));
    expect(await enableSite({ id: 12, url: 'https://crm.example.com/' })).toMatchObject({ ok: true });
  });

  it('removing a site revokes its permission', async () => {
    await disableSite('https://crm.example.com/*');
    expect(fakeBrowser.permissions.remove).toHaveBeenCalledWith({ origins: ['https://crm.example.com/*'] });
  });
});

describe('enabled sites and the registered content script', () => {
  let registered: { id: string; matches: string[] }[];
  const grant = (origins: string[]) => vi.spyOn(fakeBrowser.permissions, 'getAll').mockResolvedValue({ origins, permissions: [] });
  beforeEach(() => {
    registered = [];
    Object.assign(fakeBrowser, {
      scripting: {
        getRegisteredContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => registered.filter((s) => ids.includes(s.id))),
        registerContentScripts: vi.fn(async (scripts: { id: string; matches: string[] }[]) => void registered.push(...scripts)),
        updateContentScripts: vi.fn(async ([script]: { id: string; matches: string[] }[]) => {
          registered = registered.map((s) => (s.id === script!.id ? { ...s, ...script } : s));
        }),
        unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => {
          registered = registered.filter((s) => !ids.includes(s.id));
        }),
      },
    });
  });

  it('the enabled sites are the granted optional origins, not the built-in CRM and API hosts', async () => {
    grant(['https://api.rayapp.io/*', 'https://app.hubspot.com/*', 'https://crm.example.com/*', 'http://odoo.intranet:8069/*']);
    expect(await enabledSites()).toEqual(['http://odoo.intranet:8069/*', 'https://crm.example.com/*']);
  });

  it('grant → registered for that site; another grant → updated; revoke all → unregistered', async () => {
    grant(['https://crm.example.com/*']);
    await syncSiteScript();
    expect(registered).toEqual([expect.objectContaining({ id: SITE_SCRIPT_ID, matches: ['https://crm.example.com/*'], persistAcrossSessions: true })]);

    grant(['https://crm.example.com/*', 'https://other.example.org/*']);
    await syncSiteScript();
    expect(registered).toHaveLength(1);
    expect(registered[0]!.matches).toEqual(['https://crm.example.com/*', 'https://other.example.org/*']);

    grant([]);
    await syncSiteScript();
    expect(registered).toEqual([]);
  });

  it('a built-in CRM page never counts as an "enabled site"', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    expect(await isEnabledSite('https://app.hubspot.com/contacts/1')).toBe(false);
    expect(await isEnabledSite('https://crm.example.com/contacts/1')).toBe(true);
  });
});
