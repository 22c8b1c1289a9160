import { evaluateInWorker, popupUrl, stopServiceWorkers } from '../e2e/harness.mjs';
import { fmt, median, verdict } from './stats.mjs';

/** Write `count` items straight into the outbox database (extension pages share the worker's origin). */
function seed(page, count, nextAttemptAt) {
  return page.evaluate(async ({ count, nextAttemptAt }) => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('rayapp-outbox');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction('items', 'readwrite');
    const now = Date.now();
    for (let i = 0; i < count; i++) {
      tx.objectStore('items').put({
        id: `seed-${nextAttemptAt}-${i}`, createdAt: now - count + i, status: 'queued', attempts: 0,
        nextAttemptAt: nextAttemptAt === 'now' ? now : nextAttemptAt,
        event: { customProps: {}, storeId: 1234, type: 'CRM_CONTACT', subType: 'MANUAL_NOTIFY', source: 'OTHER',
          timestamp: new Date(now).toISOString(), user: { email: `seed${i}@example.com` } },
      });
    }
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  }, { count, nextAttemptAt });
}

const send = (page, message) => page.evaluate((m) => chrome.runtime.sendMessage(m), message);

/** Logins and requests for 100 concurrent notifies with no token; 1,000 queued flushed; start-up with 10,000 waiting. */
export async function benchOutbox(stack, popup) {
  console.log('\nOutbox');

  // 100 concurrent notifies, no token: a stopped worker has no token in memory, and none in storage.
  await popup.evaluate(() => chrome.storage.session.remove('token'));
  await stopServiceWorkers(popup);
  let logins = stack.sandbox.logins;
  let requests = stack.sandbox.requests.length;
  const started = performance.now();
  const outcomes = await popup.evaluate(() =>
    Promise.all(Array.from({ length: 100 }, (_, i) =>
      chrome.runtime.sendMessage({ type: 'notify', customer: { email: `concurrent${i}@example.com` } }))));
  const wall = performance.now() - started;
  const sent = outcomes.filter((o) => o.status === 'sent').length;
  const posts = stack.sandbox.requests.slice(requests).filter((r) => r.path === '/events/interaction').length;
  console.log(`  100 concurrent notifies, no token: ${stack.sandbox.logins - logins} login(s), ${posts} POSTs, ${sent}/100 sent, ${fmt(wall)} wall` +
    `  (target 1 login, ≤ 3 requests → ${verdict(stack.sandbox.logins - logins === 1 && posts <= 3)})`);

  // 1,000 queued events flushed at once.
  await seed(popup, 1000, 'now');
  requests = stack.sandbox.requests.length;
  const events = stack.sandbox.events.length;
  const flushStart = performance.now();
  await send(popup, { type: 'history:retry', id: 'seed-now-0' }); // any retry flushes everything due
  await stack.sandbox.waitForEvents(events + 1000, 60_000);
  const flushWall = performance.now() - flushStart;
  const flushPosts = stack.sandbox.requests.slice(requests).filter((r) => r.path === '/events/interaction').length;
  console.log(`  flush 1,000 queued: ${flushPosts} POSTs, ${fmt(flushWall)} wall  (target ≤ 20 requests → ${verdict(flushPosts <= 20)})`);

  // 10,000 waiting out a backoff: the worker's start and the popup must not slow down.
  const baseline = await startupTimes(stack, popup);
  await seed(popup, 10_000, Date.now() + 3_600_000);
  const loaded = await startupTimes(stack, popup);
  console.log(`  worker start → first reply to a cheap message (median of 5): empty ${fmt(baseline.worker)}, 10,000 queued ${fmt(loaded.worker)}`);
  console.log(`  popup open → history shown (median of 5): empty ${fmt(baseline.popup)}, 10,000 queued ${fmt(loaded.popup)}`);
  await popup.evaluate(() => new Promise((resolve) => { const r = indexedDB.open('rayapp-outbox'); r.onsuccess = () => { const tx = r.result.transaction('items', 'readwrite'); tx.objectStore('items').clear(); tx.oncomplete = resolve; }; }));
}

async function startupTimes(stack, popup) {
  const worker = [];
  const popupTimes = [];
  for (let i = 0; i < 5; i++) {
    await stopServiceWorkers(popup);
    const t = await popup.evaluate(async () => {
      const start = performance.now();
      await chrome.runtime.sendMessage({ type: 'setup:get' }); // cheap: what is timed is the start-up
      return performance.now() - start;
    });
    worker.push(t);
    const page = await stack.context.newPage();
    const start = performance.now();
    await page.goto(popupUrl(stack.extensionId));
    await page.getByText(/waiting to be sent|Everything has been delivered/).waitFor();
    popupTimes.push(performance.now() - start);
    await page.close();
  }
  await evaluateInWorker(await stack.worker(), () => true).catch(() => undefined);
  return { worker: median(worker), popup: median(popupTimes) };
}
