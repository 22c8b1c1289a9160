// The Firefox smoke test's harness: Debian's firefox-esr driven by puppeteer-core over WebDriver
// BiDi, with the built MV2 extension installed as a temporary add-on. It reuses the Chromium
// harness's certificate, CRM server and fixtures; what differs is how Firefox is pointed at them:
// - hostnames: Firefox has no --host-resolver-rules, so every request goes through a local CONNECT
//   proxy (./proxy.mjs) that tunnels the mapped hosts to loopback and refuses the rest;
// - TLS: the profile's cert_override.txt trusts exactly our certificate (by SHA-256) for exactly
//   the mapped host:443 pairs, as if a user had accepted it; HSTS preloading (hubspot.com and
//   google.com are preloaded, which forbids any override) is turned off for the profile.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID, X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { startSandbox } from '../../sandbox/server.mjs';
import { API_HOST, CRM_HOSTS, ROOT, makeCertificate, scratchDir, startCrmServer } from '../e2e/harness.mjs';
import { startConnectProxy } from './proxy.mjs';

export const FIREFOX_EXTENSION_DIR = process.env.FIREFOX_EXTENSION_DIR ?? join(ROOT, '.output/firefox-mv2');
/** The add-on id in wxt.config.ts (browser_specific_settings.gecko.id). */
export const GECKO_ID = 'notifier@rayapp.io';

/** FIREFOX_PATH if set, else Debian's firefox-esr (or firefox); undefined when it isn't there. */
export function findFirefox() {
  const candidates = process.env.FIREFOX_PATH ? [process.env.FIREFOX_PATH] : ['/usr/bin/firefox-esr', '/usr/bin/firefox'];
  return candidates.find((path) => existsSync(path));
}

/** cert_override.txt lines: this certificate, for these hosts on port 443, in every normal tab. */
export function certOverrides(certPem, hosts) {
  const sha256 = new X509Certificate(certPem).fingerprint256; // "AB:CD:…", the format Firefox writes
  return [
    '# PSM Certificate Override Settings file',
    '# This is a generated file!  Do not edit.',
    ...hosts.map((host) => `${host}:443:\tOID.2.16.840.1.101.3.4.2.1\t${sha256}\t`),
    '',
  ].join('\n');
}

/**
 * Sandbox as api.rayapp.io, CRM pages on their real hostnames, Firefox with the extension.
 * @param {{ pages?: Record<string, string>, executablePath: string, extensionDir?: string, headless?: boolean }} options
 */
export async function startFirefoxStack({ pages = {}, executablePath, extensionDir = FIREFOX_EXTENSION_DIR, headless = true }) {
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`${extensionDir} has no manifest.json: run \`wxt build -b firefox\` first`);
  }
  const dir = scratchDir('firefox');
  const pageHosts = Object.keys(pages).filter((key) => !key.startsWith('/')).map((key) => key.split('/')[0]);
  const crmHosts = [...new Set([...CRM_HOSTS, ...pageHosts])];
  const hostsWithTls = [API_HOST, ...crmHosts];
  const tls = makeCertificate(dir, hostsWithTls);
  const sandbox = await startSandbox({ tls: { key: tls.key, cert: tls.cert } });
  const crm = await startCrmServer(tls, pages);
  const proxy = await startConnectProxy({
    [API_HOST]: sandbox.port,
    ...Object.fromEntries(crmHosts.map((host) => [host, crm.port])),
  });

  const profile = join(dir, 'profile');
  const uuid = randomUUID(); // pinned, so the popup's moz-extension:// URL is known up front
  let browser;
  try {
    // puppeteer fills the profile (prefs) and leaves other files alone.
    mkdirSync(profile, { recursive: true });
    writeFileSync(join(profile, 'cert_override.txt'), certOverrides(tls.cert, hostsWithTls));
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless,
      userDataDir: profile,
      // Lets a tab open the extension's own moz-extension:// pages (the popup).
      args: ['--remote-allow-system-access'],
      env: { ...process.env, TMPDIR: dir },
      extraPrefsFirefox: {
        'network.proxy.type': 1, // manual
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.share_proxy_settings': false,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true, // localhost too goes to the proxy (refused)
        'network.trr.mode': 5, // no DNS over HTTPS
        'network.dns.disablePrefetch': true,
        'network.http.http3.enable': false,
        'network.stricttransportsecurity.preloadlist': false,
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      },
    });
    const addonId = await browser.installExtension(extensionDir);
    if (addonId !== GECKO_ID) throw new Error(`installed add-on id ${addonId}, expected ${GECKO_ID}`);
  } catch (error) {
    await browser?.close().catch(() => {});
    await Promise.all([sandbox.close(), crm.close(), proxy.close()]);
    throw error;
  }

  return {
    browser,
    sandbox,
    crm,
    proxy,
    dir,
    uuid,
    popupUrl: `moz-extension://${uuid}/popup.html`,
    async close() {
      await browser.close().catch(() => {});
      await Promise.all([sandbox.close(), crm.close(), proxy.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
