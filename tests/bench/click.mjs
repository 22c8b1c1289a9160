import { DEMO_CREDENTIALS, fixtureUrl } from '../e2e/harness.mjs';
import { fmt, median, verdict } from './stats.mjs';

/**
 * Click → POST received with a warm worker, beside a bare fetch of the same event from an extension
 * page, interleaved so machine load affects both alike. Both clocks are epoch-based (timeOrigin + now).
 */
export async function benchClick(stack, popup, samples) {
  const page = await stack.context.newPage();
  await page.goto(fixtureUrl('hubspot/contact-en-full.html'));
  await page.getByRole('button', { name: 'Notify RayApp' }).waitFor();
  const authorization = await popup.evaluate(async (c) => {
    const r = await fetch('https://api.rayapp.io/oauth/token', {
      method: 'POST',
      headers: { Authorization: `Basic ${btoa(`${c.clientId}:${c.clientSecret}`)}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'password', username: c.apiUser, password: c.apiPassword }),
    });
    const t = await r.json();
    return `${t.token_type} ${t.access_token}`;
  }, DEMO_CREDENTIALS);

  const idle = () => page.waitForFunction(() => !document.querySelector('rayapp-notifier').shadowRoot.querySelector('button').hasAttribute('aria-busy'));
  const start = stack.sandbox.events.length;
  await page.getByRole('button', { name: 'Notify RayApp' }).click(); // warm-up, and the event to replay
  const { event } = (await stack.sandbox.waitForEvents(start + 1))[start];
  await idle();

  const viaButton = [];
  const bare = [];
  for (let i = 0; i < samples; i++) {
    // A different customer each time (email and phone): the same one within 10 s is deduplicated, by design.
    await page.evaluate((n) => {
      for (const el of document.querySelectorAll('[data-selenium-test="property-input-email"]')) el.textContent = `bench${n}@example.com`;
      for (const el of document.querySelectorAll('[data-selenium-test="property-input-phone"]')) el.textContent = `+1 415 555 ${1000 + n}`;
    }, i);
    let n = stack.sandbox.events.length;
    const clickedAt = await page.evaluate(() => {
      const button = document.querySelector('rayapp-notifier').shadowRoot.querySelector('button');
      const t = performance.timeOrigin + performance.now();
      button.click();
      return t;
    });
    viaButton.push((await stack.sandbox.waitForEvents(n + 1))[n].receivedAt - clickedAt);
    await idle();

    n = stack.sandbox.events.length;
    const sentAt = await popup.evaluate(async ({ authorization, event }) => {
      const t = performance.timeOrigin + performance.now();
      await fetch('https://api.rayapp.io/events/interaction', {
        method: 'POST', headers: { Authorization: authorization, 'Content-Type': 'application/json' }, body: JSON.stringify([event]),
      });
      return t;
    }, { authorization, event });
    bare.push((await stack.sandbox.waitForEvents(n + 1))[n].receivedAt - sentAt);
  }
  await page.close();
  const click = median(viaButton);
  const fetchOnly = median(bare);
  const target = 1.3 * fetchOnly + 5;
  console.log(`\nClick → POST received (warm worker), median of ${samples}`);
  console.log(`  Notify RayApp button   ${fmt(click)}`);
  console.log(`  bare fetch from a page ${fmt(fetchOnly)}`);
  console.log(`  target ≤ 1.3 × bare + 5 ms = ${fmt(target)}  → ${verdict(click <= target)}`);
}
