import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_CREDENTIALS, DEMO_SETUP, fillSetup, fixturePages, fixtureUrl, popupUrl, startStack, type Stack } from './harness.mjs';

// The options page edits the event presets; the button then sends with the default preset.
const RECORD = 'hubspot/contact-en-full.html';

let stack: Stack;
let popup: Page;

beforeAll(async () => {
  stack = await startStack({ pages: fixturePages([RECORD]) });
  popup = await stack.context.newPage();
  await popup.goto(popupUrl(stack.extensionId));
  await fillSetup(popup, DEMO_SETUP);
  await popup.getByText(/Connected/).waitFor();
});
afterAll(async () => stack?.close());

const optionsUrl = () => `chrome-extension://${stack.extensionId}/options.html`;

it('the popup’s Setup links to the options page', async () => {
  await popup.getByRole('tab', { name: 'Setup' }).click();
  const opened = stack.context.waitForEvent('page');
  await popup.getByRole('button', { name: 'Event presets…' }).click();
  const options = await opened;
  await options.waitForURL(optionsUrl());
  await options.getByRole('group', { name: 'Default', exact: true }).waitFor();
  await options.close();
});

it('add "Demo call" as the default on the options page → the button sends CRM_CALL / OUTBOUND / {channel: phone}', async () => {
  const options = await stack.context.newPage();
  await options.goto(optionsUrl());
  const first = options.getByRole('group', { name: 'Default', exact: true });
  expect(await first.getByLabel('Event type', { exact: true }).inputValue()).toBe(DEMO_SETUP['Event type']);

  await options.getByRole('button', { name: 'Add preset' }).click();
  const fresh = options.getByRole('group', { name: 'New preset', exact: true });
  // A clash with the first preset's name (any case) is shown next to the field, and nothing is lost.
  await fresh.getByLabel('Name', { exact: true }).fill('DEFAULT');
  const clash = options.getByRole('group', { name: 'DEFAULT', exact: true });
  await clash.getByLabel('Event type', { exact: true }).fill('CRM_CALL');
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await clash.getByText('Another preset is already called “DEFAULT”').waitFor();
  expect(await clash.getByLabel('Event type', { exact: true }).inputValue()).toBe('CRM_CALL');

  await clash.getByLabel('Name', { exact: true }).fill('Demo call');
  const demo = options.getByRole('group', { name: 'Demo call', exact: true });
  await demo.getByLabel('Event subType', { exact: true }).fill('OUTBOUND');
  await demo.getByRole('button', { name: 'Add property' }).click();
  // Focus moves to the new key (after the row renders): type there, then Tab to its value — keyboard only.
  const key = demo.getByLabel('Key', { exact: true });
  await expect.poll(() => key.evaluate((el) => el === document.activeElement)).toBe(true);
  await options.keyboard.type('channel');
  await options.keyboard.press('Tab');
  await options.keyboard.type('phone');
  await demo.getByRole('radio').check();
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await expect.poll(() => options.getByRole('status').textContent()).toBe('Saved');

  // Saved in the worker: a reload shows the same.
  await options.reload();
  const reloaded = options.getByRole('group', { name: 'Demo call', exact: true });
  expect(await reloaded.getByRole('radio').isChecked()).toBe(true);
  expect(await reloaded.getByLabel('Key', { exact: true }).inputValue()).toBe('channel');
  expect(await reloaded.getByLabel('Value', { exact: true }).inputValue()).toBe('phone');
  await options.close();

  const page = await stack.context.newPage();
  await page.goto(fixtureUrl(RECORD));
  await page.getByRole('button', { name: 'Notify RayApp' }).click();
  await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Sent to RayApp: Jane Cooper/);
  const [received] = await stack.sandbox.waitForEvents(1);
  expect(received!.event).toMatchObject({
    storeId: DEMO_CREDENTIALS.storeId,
    type: 'CRM_CALL',
    subType: 'OUTBOUND',
    customProps: { channel: 'phone' },
    user: { email: 'jane.cooper@acme-logistics.example' },
  });
  await page.close();

  // The popup's Event type / subType are the default preset's now.
  await popup.reload();
  await popup.getByRole('tab', { name: 'Setup' }).click();
  expect(await popup.getByLabel('Event type', { exact: true }).inputValue()).toBe('CRM_CALL');
  expect(await popup.getByLabel('Event subType', { exact: true }).inputValue()).toBe('OUTBOUND');
});
