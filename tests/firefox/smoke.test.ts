import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { DEMO_CREDENTIALS, DEMO_SETUP, fixturePages, fixtureUrl } from '../e2e/harness.mjs';
import { findFirefox, startFirefoxStack } from './harness.mjs';

// Firefox smoke test: the MV2 build (`wxt build -b firefox`) installed as a temporary add-on in
// Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi. One journey, end to end:
// popup setup → the HubSpot content script on https://app.hubspot.com (the manifest's real match
// pattern) → the background script → the sandbox, reached as https://api.rayapp.io.
// Skips itself when no Firefox is installed (`apt-get install -y firefox-esr`, or FIREFOX_PATH).
const FIREFOX = findFirefox();
const FIXTURE = 'hubspot/contact-en-full.html'; // app.hubspot.com
const RECORD_URL = fixtureUrl(FIXTURE);
const SKIPPED = process.env.FIREFOX_PATH
  ? `skipped: FIREFOX_PATH=${process.env.FIREFOX_PATH} does not exist`
  : 'skipped: no /usr/bin/firefox-esr or /usr/bin/firefox (apt-get install -y firefox-esr, or set FIREFOX_PATH)';

if (!FIREFOX) console.warn(`[firefox] smoke test ${SKIPPED}`);

type Stack = Awaited<ReturnType<typeof startFirefoxStack>>;
let stack: Stack;
const timings: Record<string, number> = {};

async function timed<T>(name: string, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await run();
  } finally {
    timings[name] = Math.round(performance.now() - start);
  }
}

/** The form control a visible label names (label.control), as the user finds it. */
async function inputLabelled(page: Page, label: string): Promise<ElementHandle<HTMLInputElement>> {
  const handle = await page.waitForFunction(
    (text: string) =>
      [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === text)?.control ?? false,
    { timeout: 5_000 },
    label,
  ).catch(() => {
    throw new Error(`the popup has no field labelled "${label}"`);
  });
  return handle as unknown as ElementHandle<HTMLInputElement>;
}

/** The first `selector` element whose trimmed text is exactly `text`. */
async function byText(page: Page, selector: string, text: string): Promise<ElementHandle<HTMLElement>> {
  const handle = await page.waitForFunction(
    (css: string, name: string) => [...document.querySelectorAll<HTMLElement>(css)].find((el) => el.textContent?.trim() === name) ?? false,
    { timeout: 10_000 },
    selector,
    text,
  ).catch(() => {
    throw new Error(`no ${selector} named "${text}" on ${page.url()}`);
  });
  return handle as unknown as ElementHandle<HTMLElement>;
}

/** Text of the first [role=status] matching `pattern` (polls; the last text seen on timeout). */
async function waitForStatus(page: Page, pattern: RegExp, timeout = 10_000): Promise<string> {
  try {
    const handle = await page.waitForFunction(
      (source: string) => {
        const re = new RegExp(source);
        const roots: (Document | ShadowRoot)[] = [document];
        for (const host of document.querySelectorAll('*')) if (host.shadowRoot) roots.push(host.shadowRoot);
        for (const root of roots) {
          for (const status of root.querySelectorAll('[role=status]')) {
            if (re.test(status.textContent ?? '')) return status.textContent;
          }
        }
        return false;
      },
      { timeout },
      pattern.source,
    );
    return (await handle.jsonValue()) as string;
  } catch {
    const seen = await page.evaluate(() => {
      const texts = [...document.querySelectorAll('[role=status]')].map((s) => s.textContent);
      for (const host of document.querySelectorAll('*')) {
        for (const s of host.shadowRoot?.querySelectorAll('[role=status]') ?? []) texts.push(s.textContent);
      }
      return texts;
    });
    throw new Error(`no status matching ${pattern} after ${timeout} ms; statuses: ${JSON.stringify(seen)}`);
  }
}

describe.skipIf(!FIREFOX)(FIREFOX ? `Firefox smoke (${FIREFOX})` : `Firefox smoke — ${SKIPPED}`, () => {
  beforeAll(async () => {
    stack = await timed('launch', () => startFirefoxStack({ executablePath: FIREFOX!, pages: fixturePages([FIXTURE]) }));
  });
  afterAll(async () => {
    await stack?.close();
    console.log(`[firefox] timings (ms): ${JSON.stringify(timings)}`);
  });

  it('is set up from its popup and connects to RayApp (the sandbox as api.rayapp.io)', async () => {
    await timed('popup', async () => {
      const popup = await stack.browser.newPage();
      // Opening a moz-extension:// page works (with --remote-allow-system-access), but the
      // navigation never reports as finished over BiDi: don't wait for it, wait for the form.
      void popup.goto(stack.popupUrl, { timeout: 15_000 }).catch(() => {});
      await (await byText(popup, '[role=tab]', 'Setup')).click();
      for (const [label, value] of Object.entries(DEMO_SETUP)) {
        const input = await inputLabelled(popup, label);
        if (typeof value === 'boolean') {
          if ((await input.evaluate((el) => el.checked)) !== value) await input.click();
          continue;
        }
        await input.evaluate((el) => el.select());
        await input.type(String(value));
        expect(await input.evaluate((el) => el.value)).toBe(String(value));
      }
      await (await byText(popup, 'button', 'Test connection')).click();
      expect(await waitForStatus(popup, /Connected — token valid for/)).toMatch(/59 min/);
      await popup.close();
    });
    expect(stack.sandbox.logins).toBe(1);
  });

  it('notifies from a HubSpot contact: content script → background → RayApp', async () => {
    const page = await stack.browser.newPage();
    await timed('page', () => page.goto(RECORD_URL));
    expect(page.url()).toBe(RECORD_URL);
    const received = await timed('notify', async () => {
      const button = await page.waitForSelector('::-p-text(Notify RayApp)', { timeout: 10_000 });
      await button!.click();
      const [event] = await stack.sandbox.waitForEvents(1, 10_000);
      await waitForStatus(page, /Sent to RayApp/);
      return event!;
    });
    expect(received.event).toMatchObject({
      storeId: DEMO_CREDENTIALS.storeId,
      type: 'CRM_CONTACT',
      subType: 'MANUAL_NOTIFY',
      user: { email: 'jane.cooper@acme-logistics.example', phone: '+14155550100', name: 'Jane', lastName: 'Cooper', country: 'US' },
    });
    // Both origins were the real hostnames, tunnelled to loopback by the test proxy.
    expect(stack.proxy.tunnels).toEqual(expect.arrayContaining(['app.hubspot.com:443', 'api.rayapp.io:443']));
    await page.close();
  });
});
