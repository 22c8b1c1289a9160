import { afterAll, beforeAll, expect, it } from 'vitest';
import { join } from 'node:path';
import { ROOT, evaluateInWorker, fixturePages, fixtureUrl, startStack, type Stack, connect } from './harness.mjs';

// A site the user enabled (a niche CRM): its content script is registered at runtime for exactly
// that origin. Headless Chromium can't accept the permission prompt, so this runs a test build
// (`npm run build:sites-test`) whose manifest already holds the site — what follows a grant is
// the same. The prompt itself and the revoke → unregister path are unit-tested (utils/sites).
const SITE = 'https://acmecorp.myfreshworks.com/*';
const PAGE = 'generic/freshsales-contact.html';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack({ pages: fixturePages([PAGE]), extensionDir: join(ROOT, '.output/chrome-mv3-sites-test') });
  const popup = await connect(stack);
  await popup.close();
});
afterAll(async () => stack?.close());

it('the granted site gets the runtime-registered content script, and nothing broader', async () => {
  const worker = await stack.worker();
  const scripts = await evaluateInWorker(worker, () => chrome.scripting.getRegisteredContentScripts());
  expect(scripts).toEqual([expect.objectContaining({ id: 'rayapp-sites', matches: [SITE], js: ['content-scripts/generic.js'] })]);
});

it('on that site the button finds the customer and RayApp receives it', async () => {
  const page = await stack.context.newPage();
  await page.goto(fixtureUrl(PAGE));
  await page.getByRole('button', { name: 'Notify RayApp' }).click();
  await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Sent to RayApp/);
  const [received] = await stack.sandbox.waitForEvents(1);
  // The page's phone, +44 7700 900123, is in Ofcom's range reserved for drama: not a real number,
  // so the worker drops it and sends the email alone.
  expect(received!.event.user).toEqual({
    email: 'amelia.hart@northbridge-supplies.example',
    name: 'Amelia',
    lastName: 'Hart',
    country: 'GB',
    linkedInProfile: 'https://www.linkedin.com/in/amelia-hart-procurement/',
  });
  await page.close();
});
