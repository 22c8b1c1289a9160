import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_SETUP, SEND_WITHOUT_PREVIEW, evaluateInWorker, fixturePages, fixtureUrl, startStack, type Stack, connect } from './harness.mjs';

// The preview, on (the default): what will be sent, editable; Enter sends what was edited, Esc
// sends nothing; the selection menu opens it too.
const PAGE = 'hubspot/contact-es-labels.html';

let stack: Stack;
let page: Page;

beforeAll(async () => {
  stack = await startStack({ pages: fixturePages([PAGE]) });
  const popup = await connect(stack, { ...DEMO_SETUP, [SEND_WITHOUT_PREVIEW]: false });
  page = await stack.context.newPage();
  await page.goto(fixtureUrl(PAGE));
});
afterAll(async () => stack?.close());

it('Esc closes the preview and sends nothing', async () => {
  await page.getByRole('button', { name: 'Notify RayApp' }).click();
  await page.getByRole('form', { name: 'What will be sent to RayApp' }).waitFor();
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByRole('form').count()).toBe(0);
  await new Promise((settle) => setTimeout(settle, 300));
  expect(stack.sandbox.requests.filter((r) => r.path === '/events/interaction')).toHaveLength(0);
});

it('the edited values are what RayApp receives, with the preset chosen in the preview', async () => {
  await page.getByRole('button', { name: 'Notify RayApp' }).click();
  const form = page.getByRole('form', { name: 'What will be sent to RayApp' });
  await expect.poll(() => form.getByLabel('Email').inputValue()).toBe('lucia.fernandez@ferreteria-ejemplo.es');
  await form.getByLabel('Phone').fill('+34 699 000 111');
  await form.getByLabel('Last name').fill('Fernández Ruiz');
  await form.getByLabel('Phone').press('Enter');
  await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Sent to RayApp: Lucía Fernández Ruiz/);
  const [received] = await stack.sandbox.waitForEvents(1);
  expect(received!.event.user).toMatchObject({ email: 'lucia.fernandez@ferreteria-ejemplo.es', phone: '+34699000111', lastName: 'Fernández Ruiz' });
  expect(received!.event.type).toBe('CRM_CONTACT');
});

it('the selection menu opens the preview with what it found', async () => {
  await page.bringToFront();
  await evaluateInWorker(await stack.worker(), async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    const api = (globalThis as unknown as { rayappNotifier: { handleContextMenuClick: Function } }).rayappNotifier;
    await api.handleContextMenuClick({ menuItemId: 'rayapp-notify-selection', selectionText: 'Pedro Gil <pedro.gil@example.es>' }, tab);
  });
  const form = page.getByRole('form', { name: 'What will be sent to RayApp' });
  await expect.poll(() => form.getByLabel('Email').inputValue()).toBe('pedro.gil@example.es');
  expect(await form.getByLabel('Name').inputValue()).toBe('Pedro Gil');
  await form.getByRole('button', { name: 'Send' }).click();
  const events = await stack.sandbox.waitForEvents(2);
  expect(events[1]!.event.user).toEqual({ email: 'pedro.gil@example.es', name: 'Pedro', lastName: 'Gil' });
});
