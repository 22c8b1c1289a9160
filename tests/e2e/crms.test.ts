import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { fixture, fixturePages, fixtureUrl, startStack, type Stack, connect } from './harness.mjs';

// Every CRM on its real hostname: the button appears on the record, sends the customer on screen,
// and follows an SPA navigation (history API or hash) to a second record without duplicating.
// Each CRM gets its own profile: the same person appears in several CRMs' fixtures, and the same
// customer within 10 s is one interaction by design.
interface Journey {
  first: string;
  firstEmail: string;
  /** Rendered in place on the first record's origin, at the second fixture's path. */
  second: string;
  secondEmail: string;
  /** The app routes by `location.hash` (Gmail) rather than the history API. */
  hashRouting?: boolean;
}

const JOURNEYS: Record<string, Journey> = {
  HubSpot: {
    first: 'hubspot/contact-en-full.html', firstEmail: 'jane.cooper@acme-logistics.example',
    second: 'hubspot/contact-cached-hidden.html', secondEmail: 'oliver.smith@contoso.example',
  },
  'Salesforce Lightning': {
    first: 'salesforce/contact-en.html', firstEmail: 'jane.doe@acme-logistics.example',
    second: 'salesforce/contact-es-console.html', secondEmail: 'lucia.fernandez@ferreteria-ejemplo.es',
  },
  Pipedrive: {
    first: 'pipedrive/person-en-full.html', firstEmail: 'jane.cooper@acme-logistics.example',
    second: 'pipedrive/person-es-title-name.html', secondEmail: 'lucia.fernandez@ferreteria-ejemplo.es',
  },
  'Zoho CRM': {
    first: 'zoho/contact-en.html', firstEmail: 'john.carter@carter-sons.example',
    second: 'zoho/lead-en.html', secondEmail: 'amelie@mapleleafbakery.example',
  },
  Odoo: {
    first: 'odoo/contact-18-path-es.html', firstEmail: 'lucia.fernandez@ferreteria-ejemplo.es',
    second: 'odoo/contact-readonly-company.html', secondEmail: 'info@globex.example',
  },
  Gmail: {
    first: 'gmail/thread-inbox-en.html', firstEmail: 'jane.cooper@acme-logistics.example',
    second: 'gmail/thread-es-own-reply-last.html', secondEmail: 'lucia.fernandez@cliente-ejemplo.es',
    hashRouting: true,
  },
};

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

/** The CRM's router: the URL changes without a reload, then the app renders the next record. */
async function navigateInApp(page: Page, url: string, html: string, hashRouting = false): Promise<void> {
  const target = new URL(url);
  const path = hashRouting ? target.hash : `${target.pathname}${target.search}${target.hash}`;
  await page.evaluate(
    ({ path, html }) => {
      const next = new DOMParser().parseFromString(html, 'text/html');
      if (path.startsWith('#')) location.hash = path;
      else history.pushState({}, '', path);
      document.title = next.title;
      document.body.replaceWith(document.adoptNode(next.body));
    },
    { path, html },
  );
}

async function notifyAndWait(stack: Stack, page: Page, count: number) {
  await page.getByRole('button', { name: 'Notify RayApp' }).click();
  await expect.poll(() => page.getByRole('status').textContent(), { timeout: 15_000 }).toMatch(/Sent to RayApp/);
  return (await stack.sandbox.waitForEvents(count))[count - 1]!.event;
}

describe.each(Object.entries(JOURNEYS))('%s', (_crm, journey) => {
  it('button on the record → the customer on screen; SPA navigation → the next record, one button', async () => {
    stack = await startStack({ pages: fixturePages([journey.first]) });
    const popup = await connect(stack);

    const page = await stack.context.newPage();
    await page.goto(fixtureUrl(journey.first));
    const first = await notifyAndWait(stack, page, 1);
    expect(first.user.email).toBe(journey.firstEmail);
    expect(first.source).toBe('OTHER');

    await navigateInApp(page, fixtureUrl(journey.second), fixture(journey.second), journey.hashRouting);
    await expect.poll(() => page.getByRole('button', { name: 'Notify RayApp' }).count()).toBe(1); // back, once
    // The old outcome went with the old record (an empty status is not rendered at all).
    expect(await page.getByRole('status').count()).toBe(0);
    const second = await notifyAndWait(stack, page, 2);
    expect(second.user.email).toBe(journey.secondEmail);
    expect(await page.locator('rayapp-notifier').count()).toBe(1);
  });
});
