import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_CREDENTIALS, evaluateInWorker, fillSetup, fixturePages, fixtureUrl, popupUrl, startStack, type Stack } from './harness.mjs';

// The Spanish UI: a Chromium whose language is Spanish (`--lang=es`, and LANGUAGE=es, which
// Chromium on Linux reads first) gets the popup, the worker's messages, the button and the menus
// from public/_locales/es. Debian's Chromium needs the chromium-l10n package for that; without it
// the browser stays English and the first test says so.
const FIXTURE = 'hubspot/contact-en-full.html'; // app.hubspot.com, Jane Cooper

const SETUP_ES = {
  'ID de cliente': DEMO_CREDENTIALS.clientId,
  'Secreto de cliente': DEMO_CREDENTIALS.clientSecret,
  'Usuario de la API': DEMO_CREDENTIALS.apiUser,
  'Contraseña de la API': DEMO_CREDENTIALS.apiPassword,
  'ID de tienda': DEMO_CREDENTIALS.storeId,
  'Tipo de evento': 'CRM_CONTACT',
  'Subtipo de evento': 'MANUAL_NOTIFY',
  'Enviar sin vista previa (el botón envía al instante)': true,
};

let stack: Stack;
let popup: Page;

beforeAll(async () => {
  stack = await startStack({ pages: fixturePages([FIXTURE]), args: ['--lang=es'], env: { LANGUAGE: 'es', LANG: 'es_ES.UTF-8' } });
  popup = await stack.context.newPage();
  await popup.goto(popupUrl(stack.extensionId));
});
afterAll(async () => stack?.close());

describe('the Spanish UI (--lang=es)', () => {
  it('runs in a Spanish browser (install chromium-l10n if this fails)', async () => {
    const worker = await stack.worker();
    const language = await evaluateInWorker(worker, () => chrome.i18n.getUILanguage());
    expect(
      language.toLowerCase().startsWith('es'),
      `Chromium's UI language is "${language}", not Spanish: Debian's Chromium needs the chromium-l10n package for --lang=es`,
    ).toBe(true);
  });

  it('names the context menus in Spanish', async () => {
    const worker = await stack.worker();
    const titles = await evaluateInWorker(worker, () => ['menuPage', 'menuSelection', 'menuLink'].map((key) => chrome.i18n.getMessage(key)));
    expect(titles).toEqual(['Notificar a RayApp sobre este cliente', 'Notificar a RayApp sobre «%s»', 'Notificar a RayApp sobre este contacto']);
    // The page item is there (created with that title).
    const exists = await evaluateInWorker(worker, () => chrome.contextMenus.update('rayapp-notify-page', {}).then(() => true, () => false));
    expect(exists).toBe(true);
  });

  it('shows the popup in Spanish, with field errors from the worker in Spanish', async () => {
    await popup.getByRole('tab', { name: 'Configuración' }).click();
    await fillSetup(popup, { ...SETUP_ES, 'ID de tienda': '12a' }, 'Guardar');
    await expect.poll(() => popup.getByText('El ID de tienda debe ser un número entero').isVisible()).toBe(true);
    expect(await popup.getByRole('status').textContent()).toBe('Revisa los campos marcados');
  });

  it('connects: "Conectado"', async () => {
    await fillSetup(popup, SETUP_ES, 'Probar conexión');
    await expect.poll(() => popup.getByRole('status').textContent()).toMatch(/^Conectado — token válido durante 59 min/);
  });

  it('notifies from HubSpot and says so in Spanish on the button', async () => {
    const page = await stack.context.newPage();
    await page.goto(fixtureUrl(FIXTURE));
    const button = page.getByRole('button', { name: 'Notificar a RayApp' });
    await button.waitFor();
    await button.click();
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/Enviado a RayApp: Jane Cooper/);
    const [received] = await stack.sandbox.waitForEvents(1);
    expect(received!.event.user.email).toBe('jane.cooper@acme-logistics.example');
    await page.close();
  });

  it('lists it in the history in Spanish', async () => {
    await popup.getByRole('tab', { name: 'Enviados' }).click();
    const list = popup.getByRole('list', { name: 'Interacciones recientes' });
    await expect.poll(() => list.textContent()).toMatch(/Enviado/);
    expect(await popup.getByText('Todo se ha entregado.').isVisible()).toBe(true);
  });
});
