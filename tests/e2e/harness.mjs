// The e2e harness, shared by the e2e tests, `npm run demo` and `npm run bench`: a certificate made
// at run time, CRM pages served under their real hostnames, the sandbox, and Debian's Chromium with
// the built extension loaded. Every hostname is mapped to loopback; everything else resolves to
// nothing (`MAP * ~NOTFOUND`), so no request leaves the machine.
import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startSandbox, DEMO_CREDENTIALS } from '../../sandbox/server.mjs';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
export const FIXTURES_DIR = join(ROOT, 'tests/fixtures');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Every CRM host the manifest serves, mapped to the local CRM server (tests pick the pages).
export const CRM_HOSTS = [
  'app.hubspot.com', 'app-eu1.hubspot.com', 'app-na2.hubspot.com',
  'acme.lightning.force.com', 'acme.pipedrive.com', 'crm.zoho.com', 'crm.zoho.eu', 'acme.odoo.com', 'mail.google.com',
];
export const API_HOST = 'api.rayapp.io';
export { DEMO_CREDENTIALS };

/** A scratch folder inside the project (Chromium leaves profiles behind in TMPDIR otherwise). */
export function scratchDir(name) {
  const base = join(ROOT, '.tmp');
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, `${name}-`));
}

/** A self-signed certificate for the given hosts, and the SPKI hash Chromium is told to trust. */
export function makeCertificate(dir, hosts) {
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2',
    '-subj', `/CN=${hosts[0]}`, '-addext', `subjectAltName=${hosts.map((h) => `DNS:${h}`).join(',')}`,
  ], { stdio: 'ignore' });
  const pem = readFileSync(cert);
  const spki = new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' });
  return { key: readFileSync(key), cert: pem, spki: createHash('sha256').update(spki).digest('base64') };
}

/**
 * An HTTPS server for CRM pages. `pages` maps a path (or "host/path") to HTML; `setPage` changes
 * one while tests run. Unknown paths get a 404 page.
 */
export async function startCrmServer(tls, pages = {}) {
  const table = new Map(Object.entries(pages));
  const server = createServer(tls, (req, res) => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host}`);
    const html = table.get(`${url.hostname}${url.pathname}`) ?? table.get(url.pathname);
    res.writeHead(html === undefined ? 404 : 200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(html ?? '<!doctype html><title>Not found</title><h1>Not found</h1>');
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  return {
    port,
    setPage: (path, html) => table.set(path, html),
    close: () => new Promise((done) => { server.closeAllConnections(); server.close(() => done()); }),
  };
}

export function fixture(name) {
  return readFileSync(join(FIXTURES_DIR, name), 'utf8');
}

/** The real URL a fixture stands for: its first line is `<!-- https://… -->`. */
export function fixtureUrl(name) {
  const match = /^<!--\s*(https:\/\/\S+)\s*-->/.exec(fixture(name));
  if (!match) throw new Error(`${name} does not start with <!-- its URL -->`);
  return match[1];
}

/** Serve fixtures at their real URLs: `{ 'host/path': html }` for startStack's `pages`. */
export function fixturePages(names) {
  return Object.fromEntries(names.map((name) => {
    const url = new URL(fixtureUrl(name));
    return [`${url.hostname}${url.pathname}`, fixture(name)];
  }));
}

/**
 * Chromium with the built extension, hostnames mapped to loopback ports.
 * `hosts` maps hostname → port; `userDataDir` keeps a profile across launches when given;
 * `args` are more Chromium switches (`--lang=es`), `env` more environment variables (`LANGUAGE`).
 */
export async function launchBrowser({ hosts, spki, userDataDir, headless = true, args = [], env, extensionDir = EXTENSION_DIR }) {
  const rules = Object.entries(hosts).map(([host, port]) => `MAP ${host} 127.0.0.1:${port}`);
  rules.push('MAP * ~NOTFOUND'); // last: rules are first-match
  const context = await chromium.launchPersistentContext(userDataDir ?? '', {
    executablePath: CHROMIUM,
    headless,
    viewport: { width: 1280, height: 860 },
    ...(env ? { env: { ...process.env, ...env } } : {}),
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic',
      `--host-resolver-rules=${rules.join(', ')}`,
      `--ignore-certificate-errors-spki-list=${spki}`,
      ...args,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, extensionId, worker: () => currentWorker(context) };
}

/** The live service worker (a stopped-and-restarted worker is a new object). */
async function currentWorker(context) {
  const workers = context.serviceWorkers();
  return workers[workers.length - 1] ?? context.waitForEvent('serviceworker', { timeout: 15_000 });
}

/** `worker.evaluate` hangs forever on a stopped worker: always race it. */
export async function evaluateInWorker(worker, fn, arg, timeoutMs = 10_000) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`worker.evaluate timed out after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([worker.evaluate(fn, arg), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Stop every service worker through CDP, as Chrome does after 30 s idle; resolves once stopped. */
export async function stopServiceWorkers(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  const stopped = new Promise((done) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v) => v.runningStatus === 'stopped')) done();
    });
  });
  await cdp.send('ServiceWorker.stopAllWorkers');
  await Promise.race([stopped, new Promise((done) => setTimeout(done, 3_000))]);
  await cdp.detach();
}

/** Fill the popup's setup form and press a button ("Save" or "Test connection"). */
export async function fillSetup(page, values, press = 'Test connection') {
  for (const [label, value] of Object.entries(values)) {
    if (value === undefined) continue;
    if (typeof value === 'boolean') await page.getByLabel(label, { exact: true }).setChecked(value);
    else await page.getByLabel(label, { exact: true }).fill(String(value));
  }
  await page.getByRole('button', { name: press }).click();
}

/** Set the extension up from its popup (the demo credentials by default) and wait for "Connected". */
export async function connect(stack, values = DEMO_SETUP) {
  const popup = await stack.context.newPage();
  await popup.goto(popupUrl(stack.extensionId));
  await fillSetup(popup, values);
  await popup.getByText(/Connected|Conectado/).waitFor();
  return popup;
}

export function popupUrl(extensionId) {
  return `chrome-extension://${extensionId}/popup.html`;
}

/** Everything an end-to-end run needs: sandbox on api.rayapp.io, CRM server, browser. */
export async function startStack({ pages = {}, userDataDir, headless = true, sandboxOptions = {}, log, extraHosts = [], extensionDir, args, env } = {}) {
  const dir = scratchDir('stack');
  // Hosts named by the pages ("host/path" keys) are served too.
  const pageHosts = Object.keys(pages).filter((key) => !key.startsWith('/')).map((key) => key.split('/')[0]);
  const crmHosts = [...new Set([...CRM_HOSTS, ...pageHosts, ...extraHosts])];
  const tls = makeCertificate(dir, [API_HOST, ...crmHosts]);
  const sandboxConfig = { tls: { key: tls.key, cert: tls.cert }, log, ...sandboxOptions };
  const firstSandbox = await startSandbox(sandboxConfig);
  const crm = await startCrmServer(tls, pages);
  const hosts = { [API_HOST]: firstSandbox.port, ...Object.fromEntries(crmHosts.map((h) => [h, crm.port])) };
  const stack = {
    ...(await launchBrowser({ hosts, spki: tls.spki, userDataDir, headless, extensionDir, args, env })),
    sandbox: firstSandbox,
    sandboxUp: true,
    crm,
    tls,
    hosts,
    dir,
    /** RayApp goes down: the port refuses connections. */
    async stopSandbox() {
      if (stack.sandboxUp) await stack.sandbox.close();
      stack.sandboxUp = false;
    },
    /** RayApp comes back on the same address: a new server, with no events and no tokens. */
    async startSandbox() {
      stack.sandbox = await startSandbox({ ...sandboxConfig, port: firstSandbox.port });
      stack.sandboxUp = true;
    },
    /** Close the browser only (the profile stays when `userDataDir` was given). */
    async closeBrowser() {
      await stack.context.close().catch(() => {});
    },
    /** Start the browser again with the same profile and host mapping. */
    async relaunchBrowser() {
      Object.assign(stack, await launchBrowser({ hosts, spki: tls.spki, userDataDir, headless, extensionDir, args, env }));
    },
    async close() {
      await stack.context.close().catch(() => {});
      await Promise.all([stack.sandboxUp ? stack.sandbox.close() : undefined, crm.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return stack;
}

export const SEND_WITHOUT_PREVIEW = 'Send without preview (the button sends at once)';

/**
 * The demo credentials as the popup's labels name them (API server left at its default), with
 * one-click sending: most journeys test delivery; tests/e2e/preview.test.ts tests the preview.
 */
export const DEMO_SETUP = {
  'Client id': DEMO_CREDENTIALS.clientId,
  'Client secret': DEMO_CREDENTIALS.clientSecret,
  'API user': DEMO_CREDENTIALS.apiUser,
  'API password': DEMO_CREDENTIALS.apiPassword,
  'Store id': DEMO_CREDENTIALS.storeId,
  'Event type': 'CRM_CONTACT',
  'Event subType': 'MANUAL_NOTIFY',
  [SEND_WITHOUT_PREVIEW]: true,
};

export function writeJson(path, value) {
  writeFileSync(path, JSON.stringify(value, null, 2));
}
