import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_SETUP, evaluateInWorker, fillSetup, fixture, fixturePages, fixtureUrl, popupUrl, startStack, type Stack } from './harness.mjs';

// What the user sees when things go wrong: nothing half-formed is sent, nothing is lost, and the
// button and the popup tell the truth. Each test uses its own contact (10 s dedupe).
const EN = 'hubspot/contact-en-full.html';
const ES = 'hubspot/contact-es-labels.html';
const NA2 = 'hubspot/contact-decoys.html';
const INPUTS = 'hubspot/contact-eu1-inputs.html';
const CACHED = 'hubspot/contact-cached-hidden.html';
const NO_CONTACT = '/contacts/4412876/record/0-1/777';

let stack: Stack;
let popup: Page;

/** The English fixture with its email, phone and mobile rows and highlight values removed. */
function withoutEmailOrPhone(html: string): string {
  return html
    .replace(/<span[^>]*data-test-id="(?:email|phone|mobilephone)"[\s\S]*?<\/span>\s*(?=<span[^>]*data-test-id=|<\/ul>)/g, '')
    .replace(/<[^>]*data-test-id="highlight-property-display-(?:email|phone|mobilephone)"[\s\S]*?<\/[a-z]+>/g, '');
}

beforeAll(async () => {
  stack = await startStack({
    pages: { ...fixturePages([EN, ES, NA2, INPUTS, CACHED]), [NO_CONTACT]: withoutEmailOrPhone(fixture(EN)) },
  });
  popup = await stack.context.newPage();
  await popup.goto(popupUrl(stack.extensionId));
  await fillSetup(popup, DEMO_SETUP);
  await popup.getByText(/Connected/).waitFor();
});
afterAll(async () => stack?.close());

async function notifyFrom(url: string): Promise<Page> {
  const page = await stack.context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: 'Notify RayApp' }).click();
  return page;
}
const statusOf = (page: Page) => () => page.getByRole('status').textContent();
const badge = () => evaluateInWorker(stack.context.serviceWorkers()[0]!, () => chrome.action.getBadgeText({}));
async function historyEntry(text: string) {
  await popup.reload();
  await popup.getByRole('tab', { name: 'Sent' }).click();
  return popup.getByRole('listitem').filter({ hasText: text });
}

it('a record with neither email nor phone says so and sends nothing', async () => {
  const page = await notifyFrom(`https://app.hubspot.com${NO_CONTACT}`);
  await expect.poll(statusOf(page)).toMatch(/No email or phone/i);
  expect(stack.sandbox.requests.filter((r) => r.path === '/events/interaction')).toHaveLength(0);
  await page.close();
});

it('RayApp answers 503: the button says when it retries, and it is delivered once by itself', async () => {
  stack.sandbox.fault({ path: '/events/interaction', status: 503, body: '{"message":"Service Unavailable"}' });
  const page = await notifyFrom(fixtureUrl(EN));
  await expect.poll(statusOf(page)).toMatch(/^Queued — retrying at \d{1,2}:\d{2}.*unavailable/);
  expect(stack.sandbox.events).toHaveLength(0);
  await stack.sandbox.waitForEvents(1, 10_000); // the backoff's first step is ~1–2 s
  const entry = await historyEntry('Jane Cooper');
  await expect.poll(() => entry.textContent()).toMatch(/Sent/);
  await new Promise((settle) => setTimeout(settle, 500));
  expect(stack.sandbox.events).toHaveLength(1);
  await expect.poll(badge).toBe('');
  await page.close();
});

it('connections reset: queued, then delivered once', async () => {
  // Chromium silently retries a POST once when a reused connection is reset: drop more than once.
  stack.sandbox.fault({ path: '/events/interaction', drop: true, times: 3 });
  const before = stack.sandbox.events.length;
  const page = await notifyFrom(fixtureUrl(ES));
  await expect.poll(statusOf(page)).toMatch(/^Queued — retrying at .*Cannot reach the RayApp server/);
  await stack.sandbox.waitForEvents(before + 1, 15_000);
  await new Promise((settle) => setTimeout(settle, 500));
  expect(stack.sandbox.events).toHaveLength(before + 1);
  await page.close();
});

it('RayApp refuses the event: a dead letter the user edits in the popup and resends', async () => {
  stack.sandbox.fault({
    path: '/events/interaction',
    status: 200,
    body: '{"message":"user.phone: not a mobile number","result":"error","statusCode":400}',
  });
  const before = stack.sandbox.events.length;
  const page = await notifyFrom(fixtureUrl(NA2));
  await expect.poll(statusOf(page)).toMatch(/^Failed: user\.phone: not a mobile number/);
  await expect.poll(badge).toBe('1');

  const entry = await historyEntry('Priya Raman');
  await entry.getByRole('button', { name: 'Edit' }).click();
  await entry.getByLabel('Phone').fill('+34 600 123 456');
  await entry.getByRole('button', { name: 'Resend' }).click();
  await stack.sandbox.waitForEvents(before + 1);
  expect(stack.sandbox.events[before]!.event.user).toMatchObject({ email: 'priya.raman@globex.example', phone: '+34600123456' });
  await expect.poll(() => entry.textContent()).toMatch(/Sent/);
  await expect.poll(badge).toBe('');
  await page.close();
});

it('credentials refused: sending pauses, nothing is dropped, and it resumes after signing in again', async () => {
  stack.sandbox.revokeTokens();
  stack.sandbox.fault({ path: '/oauth/token', status: 400, body: '{"error":"invalid_grant","error_description":"Bad credentials"}' });
  const before = stack.sandbox.events.length;
  const page = await notifyFrom(fixtureUrl(INPUTS));
  await expect.poll(statusOf(page)).toMatch(/^Queued — it will be sent once you sign in again/);
  await expect.poll(badge).toBe('1');

  await popup.reload();
  await popup.getByRole('tab', { name: 'Sent' }).click();
  await popup.getByText(/Sending is paused/).waitFor();
  await popup.getByRole('button', { name: 'Sign in again' }).click();
  await fillSetup(popup, { 'API password': DEMO_SETUP['API password'] }, 'Test connection');
  await popup.getByText(/Connected/).waitFor();
  await stack.sandbox.waitForEvents(before + 1);
  expect(stack.sandbox.events[before]!.event.user.email).toBe('l.schmidt@beispiel-gmbh.example');
  await expect.poll(badge).toBe('');
  await page.close();
});
