// `npm run demo`: the whole journey on this machine. Starts the RayApp sandbox (as api.rayapp.io)
// and a demo HubSpot contact page (as app.hubspot.com), both on loopback, opens Chromium with the
// built extension, sets it up with the sandbox's demo credentials and notifies RayApp once.
// With a display the browser stays open for you to try; without one it runs headless, prints each
// step and saves screenshots.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEMO_CREDENTIALS, DEMO_SETUP, ROOT, SEND_WITHOUT_PREVIEW, fillSetup, fixture, popupUrl, startStack,
} from './e2e/harness.mjs';

const RECORD = '/contacts/4412876/record/0-1/90215533101';
// `npm run demo -- --screenshots` refreshes the README's screenshots from this very run.
const OUT = join(ROOT, process.argv.includes('--screenshots') ? 'tests/screenshots' : 'demo-output');
const headless = !process.env.DISPLAY || process.argv.includes('--headless');
mkdirSync(OUT, { recursive: true });

let step = 0;
const say = (text) => console.log(`${++step}. ${text}`);
const ok = (text) => console.log(`   → ${text}`);

const stack = await startStack({
  headless,
  pages: { [RECORD]: fixture('hubspot/contact-en-full.html') },
  log: (line) => console.log(`   [sandbox] ${line}`),
});
let failed = false;
try {
  say(`Sandbox RayApp API on https://api.rayapp.io (→ 127.0.0.1:${stack.sandbox.port}); demo credentials: ` +
    `client ${DEMO_CREDENTIALS.clientId} / ${DEMO_CREDENTIALS.clientSecret}, user ${DEMO_CREDENTIALS.apiUser} / ` +
    `${DEMO_CREDENTIALS.apiPassword}, store ${DEMO_CREDENTIALS.storeId}`);
  say(`Chromium ${headless ? '(headless)' : ''} with RayApp Notifier ${stack.extensionId}`);

  say('Popup: enter the demo credentials and press “Test connection”');
  const popup = await stack.context.newPage();
  await popup.setViewportSize({ width: 400, height: 720 });
  await popup.goto(popupUrl(stack.extensionId));
  await fillSetup(popup, { ...DEMO_SETUP, [SEND_WITHOUT_PREVIEW]: false }); // the preview, as users get it
  await popup.getByText(/Connected|wrong|reach/).waitFor({ timeout: 20_000 });
  ok(await popup.getByRole('status').textContent());
  await popup.screenshot({ path: join(OUT, 'popup-setup.png') });

  say(`Open the HubSpot contact https://app.hubspot.com${RECORD}`);
  const page = await stack.context.newPage();
  await page.goto(`https://app.hubspot.com${RECORD}`);
  const button = page.getByRole('button', { name: 'Notify RayApp' });
  await button.waitFor({ timeout: 10_000 });
  ok('“Notify RayApp” is on the contact card');

  say('Click “Notify RayApp”: the preview shows what will be sent; Enter sends it');
  await button.click();
  const preview = page.getByRole('form', { name: 'What will be sent to RayApp' });
  await preview.waitFor({ timeout: 10_000 });
  await page.screenshot({ path: join(OUT, 'hubspot-preview.png'), clip: { x: 0, y: 0, width: 1280, height: 640 } });
  ok(`preview: ${(await preview.innerText()).replace(/\s+/g, ' ').slice(0, 120)}…`);
  await preview.getByRole('button', { name: 'Send' }).press('Enter');
  await page.getByRole('status').filter({ hasText: /Sent|Not sent|Queued|Failed/ }).waitFor({ timeout: 20_000 });
  ok(await page.getByRole('status').textContent());
  await page.screenshot({ path: join(OUT, 'hubspot-button.png'), clip: { x: 0, y: 0, width: 1280, height: 520 } });
  const [received] = await stack.sandbox.waitForEvents(1, 10_000);
  ok(`RayApp received: ${JSON.stringify(received.event)}`);

  say('Popup: what was sent');
  await popup.reload();
  await popup.getByRole('tab', { name: 'Sent' }).click();
  await popup.getByRole('listitem').first().waitFor();
  ok(await popup.getByRole('listitem').first().innerText());
  await popup.screenshot({ path: join(OUT, 'popup-history.png') });

  console.log(`\nScreenshots: ${OUT}`);
} catch (error) {
  failed = true;
  console.error(`   ✗ ${error instanceof Error ? error.message : error}`);
}

if (headless) {
  await stack.close();
  process.exit(failed ? 1 : 0);
} else {
  console.log('\nThe browser stays open: try the button and the popup. Press Ctrl+C to quit.');
  const quit = async () => { await stack.close(); process.exit(0); };
  process.on('SIGINT', quit);
  stack.context.on('close', quit);
}
