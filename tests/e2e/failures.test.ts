import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_SETUP, fillSetup, fixture, popupUrl, startStack, type Stack } from './harness.mjs';

// What the user sees when things go wrong: nothing half-formed is sent, nothing is lost.
const RECORD = '/contacts/4412876/record/0-1/90215533101';
const NO_CONTACT = '/contacts/4412876/record/0-1/777';

let stack: Stack;
let popup: Page;

/** The English fixture with its email, phone and mobile rows and highlight values removed. */
function withoutEmailOrPhone(html: string): string {
  return html.replace(/<span[^>]*data-test-id="(?:email|phone|mobilephone)"[\s\S]*?<\/span>\s*(?=<span[^>]*data-test-id=|<\/ul>)/g, '')
    .replace(/<[^>]*data-test-id="highlight-property-display-(?:email|phone|mobilephone)"[\s\S]*?<\/[a-z]+>/g, '');
}

beforeAll(async () => {
  const html = fixture('hubspot/contact-en-full.html');
  stack = await startStack({ pages: { [RECORD]: html, [NO_CONTACT]: withoutEmailOrPhone(html) } });
  popup = await stack.context.newPage();
  await popup.goto(popupUrl(stack.extensionId));
  await fillSetup(popup, DEMO_SETUP);
  await popup.getByText(/Connected/).waitFor();
});
afterAll(async () => stack?.close());

it('a record with neither email nor phone says so and sends nothing', async () => {
  const page = await stack.context.newPage();
  await page.goto(`https://app.hubspot.com${NO_CONTACT}`);
  await page.getByRole('button', { name: 'Notify RayApp' }).click();
  await expect.poll(() => page.getByRole('status').textContent()).toMatch(/No email or phone/i);
  expect(stack.sandbox.requests.filter((r) => r.path === '/events/interaction')).toHaveLength(0);
  await page.close();
});

it('RayApp down: the button says so, the popup keeps it, and Retry delivers it once', async () => {
  const page = await stack.context.newPage();
  await page.goto(`https://app.hubspot.com${RECORD}`);
  stack.sandbox.fault({ path: '/events/interaction', status: 503, body: '{"message":"Service Unavailable"}' });
  await page.getByRole('button', { name: 'Notify RayApp' }).click();
  await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Not sent: RayApp is unavailable.*Kept/);
  expect(stack.sandbox.events).toHaveLength(0);

  await popup.reload();
  await popup.getByRole('tab', { name: 'Sent' }).click();
  const entry = popup.getByRole('listitem').filter({ hasText: 'Jane Cooper' });
  await expect.poll(() => entry.textContent()).toMatch(/Failed.*unavailable/);
  await entry.getByRole('button', { name: 'Retry' }).click();
  await expect.poll(() => entry.textContent()).toMatch(/Sent/);
  await stack.sandbox.waitForEvents(1);
  expect(stack.sandbox.events).toHaveLength(1);
  expect(await popup.getByRole('button', { name: 'Retry' }).count()).toBe(0);
  await page.close();
});

it('a connection that keeps being reset gives a clear message and keeps the interaction', async () => {
  const page = await stack.context.newPage();
  await page.goto(`https://app.hubspot.com${RECORD}`);
  // Chromium silently retries a POST once when a reused connection is reset: drop more than once.
  stack.sandbox.fault({ path: '/events/interaction', drop: true, times: 3 });
  const before = stack.sandbox.events.length;
  await page.getByRole('button', { name: 'Notify RayApp' }).click();
  await expect.poll(() => page.getByRole('status').textContent(), { timeout: 20_000 }).toMatch(/Not sent: Cannot reach the RayApp server.*Kept/);
  expect(stack.sandbox.events).toHaveLength(before);
  await page.close();
});
