import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  DEMO_CREDENTIALS, DEMO_SETUP, evaluateInWorker, fillSetup, fixturePages, fixtureUrl, popupUrl, startStack,
  stopServiceWorkers, type Stack,
} from './harness.mjs';

// The foundation's whole path in a real Chromium: popup setup → Test connection → the HubSpot
// button on the real hostnames → the event RayApp (the sandbox on api.rayapp.io) receives.
// Each test notifies about a different contact: the same one twice within 10 s is one interaction.
const FIXTURES = {
  en: 'hubspot/contact-en-full.html', // app.hubspot.com
  es: 'hubspot/contact-es-labels.html', // app-eu1
  decoys: 'hubspot/contact-decoys.html', // app-na2
  inputs: 'hubspot/contact-eu1-inputs.html', // app-eu1
  cached: 'hubspot/contact-cached-hidden.html', // app.hubspot.com
};
const RECORD_URL = fixtureUrl(FIXTURES.en);

let stack: Stack;
let popup: Page;

beforeAll(async () => {
  stack = await startStack({ pages: fixturePages(Object.values(FIXTURES)) });
  popup = await stack.context.newPage();
  await popup.goto(popupUrl(stack.extensionId));
});
afterAll(async () => stack?.close());

async function openRecord(url = RECORD_URL): Promise<Page> {
  const page = await stack.context.newPage();
  await page.goto(url);
  return page;
}

describe('popup setup', () => {
  it('shows what is wrong next to each field and keeps what was typed', async () => {
    await popup.getByRole('tab', { name: 'Setup' }).click();
    await fillSetup(popup, { ...DEMO_SETUP, 'Store id': '12a', 'API server': 'http://example.com' }, 'Save');
    await expect.poll(() => popup.getByText('Store id must be a whole number').isVisible()).toBe(true);
    expect(await popup.getByText(/Use https:\/\//).isVisible()).toBe(true);
    expect(await popup.getByLabel('Client id', { exact: true }).inputValue()).toBe(DEMO_CREDENTIALS.clientId);
    expect(await popup.getByLabel('API password', { exact: true }).inputValue()).toBe(DEMO_CREDENTIALS.apiPassword);
    expect(stack.sandbox.logins + stack.sandbox.failedLogins).toBe(0);
  });

  it('says which credential RayApp refused, never echoing a secret', async () => {
    await fillSetup(popup, { ...DEMO_SETUP, 'API server': 'https://api.rayapp.io', 'API password': 'wrong-password' });
    const status = popup.getByRole('status');
    await expect.poll(() => status.textContent()).toMatch(/API user or API password is wrong/);
    expect(await popup.content()).not.toContain('wrong-password');

    await fillSetup(popup, { ...DEMO_SETUP, 'Client secret': 'not-the-secret' });
    await expect.poll(() => status.textContent()).toMatch(/Client id or client secret is wrong/);
  });

  it('connects with the right credentials and shows the token lifetime', async () => {
    await fillSetup(popup, DEMO_SETUP);
    await expect.poll(() => popup.getByRole('status').textContent()).toMatch(/Connected — token valid for 59 min/);
    expect(stack.sandbox.logins).toBe(1);
  });

  it('keeps the secrets out of clear text at rest and the token out of storage.local', async () => {
    const worker = await stack.worker();
    const local = await evaluateInWorker(worker, () => chrome.storage.local.get(null));
    const json = JSON.stringify(local);
    expect(json).not.toContain(DEMO_CREDENTIALS.clientSecret);
    expect(json).not.toContain(DEMO_CREDENTIALS.apiPassword);
    expect(json).not.toContain('access_token');
    const session = await evaluateInWorker(worker, () => chrome.storage.session.get('token'));
    expect((session.token as { authorization: string }).authorization).toMatch(/^bearer \S+$/);
  });
});

describe('Notify RayApp on a HubSpot contact', () => {
  it('sends the visible contact, exactly per contract, and says so on the button', async () => {
    const page = await openRecord();
    const button = page.getByRole('button', { name: 'Notify RayApp' });
    await button.waitFor();
    const before = Date.now();
    await button.click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Sent to RayApp: Jane Cooper/);
    const [received] = await stack.sandbox.waitForEvents(1);
    expect(received!.event).toEqual({
      customProps: {},
      storeId: DEMO_CREDENTIALS.storeId,
      type: 'CRM_CONTACT',
      subType: 'MANUAL_NOTIFY',
      source: 'OTHER',
      timestamp: expect.any(String),
      user: { email: 'jane.cooper@acme-logistics.example', phone: '+14155550100', name: 'Jane', lastName: 'Cooper', country: 'US' },
    });
    const at = Date.parse(received!.event.timestamp);
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(Date.now());
    await page.close();
  });

  it('does the same from the context menu', async () => {
    const page = await openRecord(fixtureUrl(FIXTURES.es));
    await page.getByRole('button', { name: 'Notify RayApp' }).waitFor();
    const worker = await stack.worker();
    const existing = await evaluateInWorker(worker, () =>
      chrome.contextMenus.update('rayapp-notify-page', {}).then(() => true, () => false),
    );
    expect(existing).toBe(true);
    const count = stack.sandbox.events.length;
    await page.bringToFront();
    // Without the "tabs" permission the worker can't query tabs by URL: the active tab is the page.
    await evaluateInWorker(worker, async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      const api = (globalThis as unknown as { rayappNotifier: { handleContextMenuClick: Function } }).rayappNotifier;
      await api.handleContextMenuClick({ menuItemId: 'rayapp-notify-page' }, tab);
    });
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Sent to RayApp/);
    await stack.sandbox.waitForEvents(count + 1);
    expect(stack.sandbox.events[count]!.event.user.email).toBe('lucia.fernandez@ferreteria-ejemplo.es');
    await page.close();
  });

  it('still works after the worker is stopped, reusing the token kept in session storage', async () => {
    const page = await openRecord(fixtureUrl(FIXTURES.decoys));
    await page.getByRole('button', { name: 'Notify RayApp' }).waitFor();
    const logins = stack.sandbox.logins;
    const count = stack.sandbox.events.length;
    await stopServiceWorkers(page);
    await page.getByRole('button', { name: 'Notify RayApp' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Sent to RayApp/);
    await stack.sandbox.waitForEvents(count + 1);
    expect(stack.sandbox.logins).toBe(logins);
    // The restarted worker re-armed the refresh alarm from the stored token.
    const alarm = await evaluateInWorker(await stack.worker(), () => chrome.alarms.get('rayapp-token-refresh'));
    expect(alarm?.scheduledTime).toBeGreaterThan(Date.now() + 50 * 60_000);
    await page.close();
  });

  it('logs in again once when RayApp revokes the token, and sends once', async () => {
    const page = await openRecord(fixtureUrl(FIXTURES.inputs));
    const logins = stack.sandbox.logins;
    const count = stack.sandbox.events.length;
    stack.sandbox.revokeTokens();
    await page.getByRole('button', { name: 'Notify RayApp' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Sent to RayApp/);
    await stack.sandbox.waitForEvents(count + 1);
    expect(stack.sandbox.logins).toBe(logins + 1);
    expect(stack.sandbox.events.length).toBe(count + 1);
    await page.close();
  });

  it('a double click plus the menu is one interaction', async () => {
    const page = await openRecord(fixtureUrl(FIXTURES.cached));
    const button = page.getByRole('button', { name: 'Notify RayApp' });
    const count = stack.sandbox.events.length;
    await button.dblclick();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Sent to RayApp/);
    await button.click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Already sent a moment ago/);
    await stack.sandbox.waitForEvents(count + 1);
    await new Promise((settle) => setTimeout(settle, 300));
    expect(stack.sandbox.events).toHaveLength(count + 1);
    await page.close();
  });
});
