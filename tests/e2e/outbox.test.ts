import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixturePages, fixtureUrl, scratchDir, startStack, stopServiceWorkers, type Stack, connect } from './harness.mjs';

// Delivery survives the worker being stopped and the browser being closed: exactly once.
const EN = 'hubspot/contact-en-full.html';
const ES = 'hubspot/contact-es-labels.html';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ pages: fixturePages([EN, ES]), userDataDir: scratchDir('profile') });
  const popup = await connect(stack);
  await popup.close();
});
afterAll(async () => stack?.close());

it('RayApp down → worker stopped → RayApp back: delivered exactly once', async () => {
  await stack.stopSandbox();
  const page = await stack.context.newPage();
  await page.goto(fixtureUrl(EN));
  await page.getByRole('button', { name: 'Notify RayApp' }).click();
  await expect.poll(() => page.getByRole('status').textContent(), { timeout: 20_000 }).toMatch(/^Queued — retrying at/);
  await stopServiceWorkers(page);
  await stack.startSandbox();
  // Nothing is running now: the retry alarm (or the next worker start) must deliver it.
  await page.reload(); // a page load wakes nothing by itself; the alarm does
  const [delivered] = await stack.sandbox.waitForEvents(1, 45_000);
  expect(delivered!.event.user.email).toBe('jane.cooper@acme-logistics.example');
  await new Promise((settle) => setTimeout(settle, 1_000));
  expect(stack.sandbox.events).toHaveLength(1);
  await page.close();
});

it('browser closed with an event queued → relaunched with the same profile: delivered exactly once', async () => {
  await stack.stopSandbox();
  const page = await stack.context.newPage();
  await page.goto(fixtureUrl(ES));
  await page.getByRole('button', { name: 'Notify RayApp' }).click();
  await expect.poll(() => page.getByRole('status').textContent(), { timeout: 20_000 }).toMatch(/^Queued — retrying at/);
  await stack.closeBrowser();
  await stack.startSandbox();
  await stack.relaunchBrowser();
  const [delivered] = await stack.sandbox.waitForEvents(1, 45_000);
  expect(delivered!.event.user.email).toBe('lucia.fernandez@ferreteria-ejemplo.es');
  await new Promise((settle) => setTimeout(settle, 1_000));
  expect(stack.sandbox.events).toHaveLength(1);
});
