// `npm run bench` (never part of the tests): the figures behind the performance goals, measured in
// Debian's Chromium against the sandbox. Targets are printed beside the figures; nothing fails.
import { DEMO_SETUP, fillSetup, fixturePages, popupUrl, startStack } from './e2e/harness.mjs';
import { benchClick } from './bench/click.mjs';
import { benchOutbox } from './bench/outbox.mjs';
import { reportBundles } from './bench/bundles.mjs';
import { BENCH_PAGES, benchAdapters } from './bench/adapters.mjs';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 25);

const stack = await startStack({ pages: fixturePages(['hubspot/contact-en-full.html', ...Object.values(BENCH_PAGES)]) });
try {
  const popup = await stack.context.newPage();
  await popup.goto(popupUrl(stack.extensionId));
  await fillSetup(popup, DEMO_SETUP);
  await popup.getByText(/Connected/).waitFor();

  await benchClick(stack, popup, SAMPLES);
  await benchOutbox(stack, popup);
  await benchAdapters(stack);
  reportBundles();
} finally {
  await stack.close();
}
