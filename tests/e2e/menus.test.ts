import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { evaluateInWorker, fixturePages, fixtureUrl, startStack, type Stack, connect } from './harness.mjs';

// The context menus and the keyboard shortcut. Headless Chromium can't open a native menu or press
// an extension shortcut, so the worker's own handlers are called with what the browser would pass;
// that the items and the command are registered is asserted separately.
const PAGE = 'hubspot/contact-en-full.html';

let stack: Stack;
let page: Page;

beforeAll(async () => {
  stack = await startStack({ pages: fixturePages([PAGE]) });
  const popup = await connect(stack);
  page = await stack.context.newPage();
  await page.goto(fixtureUrl(PAGE));
  await page.getByRole('button', { name: 'Notify RayApp' }).waitFor();
});
afterAll(async () => stack?.close());

type Handlers = { handleContextMenuClick: Function; handleCommand: Function };

/** Run a worker handler with the page's tab, as the browser would after a click or a key press. */
async function run(call: { menu?: Record<string, string>; command?: string }): Promise<void> {
  await page.bringToFront();
  await evaluateInWorker(await stack.worker(), async ({ menu, command }) => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    const api = (globalThis as unknown as { rayappNotifier: Handlers }).rayappNotifier;
    if (menu) await api.handleContextMenuClick(menu, tab);
    if (command) await api.handleCommand(command, tab);
  }, call);
}
const status = () => page.getByRole('status').textContent();

it('registers the page, selection and link menus and the Alt+Shift+Y command', async () => {
  const worker = await stack.worker();
  for (const id of ['rayapp-notify-page', 'rayapp-notify-selection', 'rayapp-notify-link']) {
    const exists = await evaluateInWorker(worker, (menuId) => chrome.contextMenus.update(menuId, {}).then(() => true, () => false), id);
    expect(exists, id).toBe(true);
  }
  const commands = await evaluateInWorker(worker, () => chrome.commands.getAll());
  expect(commands).toContainEqual(expect.objectContaining({ name: 'notify-customer', shortcut: 'Alt+Shift+Y' }));
});

it('selection: the customer in the selected text, told on the page', async () => {
  await run({ menu: { menuItemId: 'rayapp-notify-selection', selectionText: 'Ana García <ana.garcia@example.es>\nTel: +34 600 123 456' } });
  await expect.poll(status).toMatch(/Sent to RayApp: Ana García/);
  const [event] = await stack.sandbox.waitForEvents(1);
  expect(event!.event.user).toEqual({ email: 'ana.garcia@example.es', phone: '+34600123456', name: 'Ana', lastName: 'García' });
});

it('selection without an email or phone says so and sends nothing', async () => {
  await run({ menu: { menuItemId: 'rayapp-notify-selection', selectionText: 'Quarterly review next week' } });
  await expect.poll(status).toMatch(/No email or phone in the selected text/);
  expect(stack.sandbox.events).toHaveLength(1);
});

it('link: a mailto: link names the customer; other links are refused', async () => {
  await run({ menu: { menuItemId: 'rayapp-notify-link', linkUrl: 'mailto:bob.stone@example.com?subject=Hi', linkText: 'Bob Stone' } });
  await expect.poll(status).toMatch(/Sent to RayApp: Bob Stone/);
  const events = await stack.sandbox.waitForEvents(2);
  expect(events[1]!.event.user).toEqual({ email: 'bob.stone@example.com', name: 'Bob', lastName: 'Stone' });

  await run({ menu: { menuItemId: 'rayapp-notify-link', linkUrl: 'https://app.hubspot.com/reports' } });
  await expect.poll(status).toMatch(/not an email address or a phone number/);
  expect(stack.sandbox.events).toHaveLength(2);
});

it('the shortcut notifies about the record on the current tab', async () => {
  await run({ command: 'notify-customer' });
  await expect.poll(status).toMatch(/Sent to RayApp: Jane Cooper/);
  const events = await stack.sandbox.waitForEvents(3);
  expect(events[2]!.event.user.email).toBe('jane.cooper@acme-logistics.example');
});
