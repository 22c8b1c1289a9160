// @vitest-environment node
// The outbox against the real RayApp sandbox over HTTP (node env: happy-dom's fetch enforces CORS;
// fakeBrowser works here too). Time is a clock the test moves by hand: the outbox's `now`, and a fake
// setTimeout so its in-memory retry timers fire only when a test says so. Every fault is checked for
// the same three things: nothing lost, nothing delivered twice, the user told the truth.
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { DEMO_CREDENTIALS as DEMO, startSandbox, type Sandbox, type SandboxFault } from '@/sandbox/server.mjs';
import { buildInteraction, type InteractionEvent } from '@/utils/interaction';
import type { InteractionUser } from '@/utils/customer/user';
import { postInteractions } from '@/utils/rayapp/interactions';
import { createTokenSession } from '@/utils/session/token-session';
import { saveCredentials, loadCredentials, clearCredentials } from '@/utils/session/credentials';
import { saveSettings, loadSettings } from '@/utils/settings';
import { createNotifier, outcomeOf } from '@/utils/notify';
import { openOutboxDb, type OutboxItem } from './db';
import { createOutboxStore, SENT_KEPT } from './store';
import { BATCH_SIZE, RETRY_ALARM, createOutbox } from './outbox';
import { readPause } from './pause';
import { showBadge } from './badge';

const T0 = Date.UTC(2024, 4, 6, 7, 8, 0); // a whole second, so an HTTP-date Retry-After is exact
const TIMEOUT_MS = 300;
const PRESET = { type: 'visit', subType: 'crm', customProps: {} };
const CREDS = { clientId: DEMO.clientId, clientSecret: DEMO.clientSecret, apiUser: DEMO.apiUser, apiPassword: DEMO.apiPassword };
const UNAVAILABLE = (status: number) => `RayApp is unavailable right now (HTTP ${status})`;
/** random() = 0.5: the n-th backoff is exactly 0.75 × 2^n s (1.5 s, 3 s, 6 s, …). */
const FIRST_BACKOFF = 1_500;

let sb: Sandbox;
let clock: number;
let dbCount = 0;

beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(async () => {
  await sb?.close();
});

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  sb.reset();
  clock = T0;
  await saveSettings({ apiBase: sb.url, storeId: DEMO.storeId, presets: [{ id: 'default', name: 'Default', ...PRESET }], defaultPresetId: 'default', remember: false });
  await saveCredentials(CREDS, false);
});
afterEach(() => {
  vi.clearAllTimers();
  vi.useRealTimers();
});

/** One service worker's outbox over the database `name` (the same name = the same profile after a restart). */
function worker(name = `outbox-test-${++dbCount}`, hooks: { afterPost?: (n: number) => void } = {}) {
  const store = createOutboxStore(openOutboxDb(name));
  const session = createTokenSession({
    loadCredentials,
    loadApiBase: async () => (await loadSettings())?.apiBase ?? null,
    now: () => clock,
    http: { timeoutMs: TIMEOUT_MS },
  });
  let accepted = 0;
  let settles: Array<() => void> = [];
  const outbox = createOutbox({
    store,
    session,
    loadSettings,
    now: () => clock,
    random: () => 0.5,
    http: { timeoutMs: TIMEOUT_MS },
    post: async (...args) => {
      const reply = await postInteractions(...args);
      hooks.afterPost?.(++accepted);
      return reply;
    },
    onSettled: () => {
      const waiting = settles;
      settles = [];
      for (const done of waiting) done();
    },
  });
  return {
    name,
    store,
    session,
    outbox,
    notifier: createNotifier(outbox, store, () => clock),
    /** Resolves when the next flush that changed something ends. */
    nextSettle: () => new Promise<void>((done) => settles.push(done)),
  };
}

const email = (i: number) => `c${i}@example.com`;
function event(i: number, user: InteractionUser = { email: email(i) }): InteractionEvent {
  return buildInteraction(user, DEMO.storeId, PRESET, new Date(T0 - 100_000 + i));
}
/** n items, oldest first, all due now. */
async function enqueueMany(w: ReturnType<typeof worker>, n: number, order: (i: number) => number = (i) => i): Promise<OutboxItem[]> {
  const items: OutboxItem[] = [];
  for (let k = 0; k < n; k++) {
    const i = order(k);
    items[i] = await w.outbox.enqueue(event(i), T0 - 100_000 + i);
  }
  return items;
}

const posts = () => sb.requests.filter((r) => r.path === '/events/interaction');
const tokenRequests = () => sb.requests.filter((r) => r.path === '/oauth/token');
const postedEmails = (i: number) => (JSON.parse(posts()[i]!.body) as InteractionEvent[]).map((e) => e.user.email);
const delivered = () => sb.events.map((e) => (e.event as InteractionEvent).user.email ?? (e.event as InteractionEvent).user.phone);

/** Exactly these customers reached RayApp, each once. */
function expectDeliveredOnce(expected: string[]) {
  const got = delivered();
  expect(new Set(got).size).toBe(got.length);
  expect([...got].sort()).toEqual([...expected].sort());
}

async function expectQueued(w: ReturnType<typeof worker>, item: OutboxItem, attempts: number, wait: number, error: string | RegExp) {
  const now = (await w.store.get(item.id))!;
  const why = typeof error === 'string' ? error : expect.stringMatching(error);
  expect(now).toMatchObject({ status: 'queued', attempts, nextAttemptAt: clock + wait, lastError: why });
  // What the button says: queued, with the time of the next try and why.
  expect(await outcomeOf(now, false)).toEqual({ ok: false, status: 'queued', id: item.id, error: why, retryAt: clock + wait });
  expect(await browser.alarms.get(RETRY_ALARM)).toMatchObject({ scheduledTime: clock + wait });
  return now;
}

async function expectSent(w: ReturnType<typeof worker>, item: OutboxItem, attempts: number) {
  const now = (await w.store.get(item.id))!;
  expect(now).toMatchObject({ status: 'sent', attempts, sentAt: clock });
  expect(now.lastError).toBeUndefined();
  expect(await outcomeOf(now, false)).toMatchObject({ ok: true, status: 'sent', id: item.id });
  return now;
}

describe('server faults: nothing lost, nothing delivered twice, the user told the truth', () => {
  it('503 three times, then OK: the backoff grows, the alarm follows it, delivered once after 4 attempts', async () => {
    const w = worker();
    const item = await w.outbox.enqueue(event(1), T0);
    sb.fault({ path: '/events/interaction', status: 503, times: 3 });

    const waits: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      await w.outbox.flush();
      const queued = (await w.store.get(item.id))!;
      waits.push(queued.nextAttemptAt - clock);
      await expectQueued(w, item, attempt, queued.nextAttemptAt - clock, UNAVAILABLE(503));
      expect(sb.events).toHaveLength(0);

      // Not before its time: a flush a moment too early sends nothing.
      clock = queued.nextAttemptAt - 1;
      await w.outbox.flush();
      expect(posts()).toHaveLength(attempt);
      clock = queued.nextAttemptAt;
    }
    expect(waits).toEqual([FIRST_BACKOFF, 2 * FIRST_BACKOFF, 4 * FIRST_BACKOFF]);

    await w.outbox.onAlarm(RETRY_ALARM);
    await expectSent(w, item, 4);
    expect(posts()).toHaveLength(4);
    expectDeliveredOnce([email(1)]);
    expect(sb.logins).toBe(1);
    expect(await browser.alarms.get(RETRY_ALARM)).toBeUndefined();
    expect(await w.store.counts()).toEqual({ queued: 0, dead: 0 });
  });

  it.each<[string, number, string, number]>([
    ['429 with Retry-After: 2', 429, '2', 2_000],
    ['429 with Retry-After as an HTTP date', 429, new Date(T0 + 7_000).toUTCString(), 7_000],
    ['503 with Retry-After: 120', 503, '120', 120_000],
    ['429 with an HTTP date already past: the minimum 1 s', 429, new Date(T0 - 60_000).toUTCString(), 1_000],
    ['429 with a nonsense Retry-After: the backoff', 429, 'soon', FIRST_BACKOFF],
  ])('%s → the next attempt honours it; then delivered once', async (_label, status, retryAfter, wait) => {
    const w = worker();
    const item = await w.outbox.enqueue(event(1), T0);
    sb.fault({ path: '/events/interaction', status, headers: { 'Retry-After': retryAfter } });
    await w.outbox.flush();
    await expectQueued(w, item, 1, wait, UNAVAILABLE(status));

    clock = T0 + wait - 1;
    await w.outbox.flush();
    expect(posts()).toHaveLength(1);

    clock = T0 + wait;
    await w.outbox.onAlarm(RETRY_ALARM);
    await expectSent(w, item, 2);
    expectDeliveredOnce([email(1)]);
  });

  it.each<[string, SandboxFault, string | RegExp]>([
    ['a connection reset', { drop: true }, /^Cannot reach the RayApp server at http:\/\/127\.0\.0\.1:\d+$/],
    ['a hang past the client timeout', { hang: true }, /^RayApp did not answer within \d+ s$/],
    ['malformed JSON on HTTP 200', { status: 200, body: '{"message": "Interactions regis' }, 'RayApp answered with an unexpected body'],
    ['an HTML page on HTTP 200', { status: 200, body: '<html><body>OK</body></html>' }, 'RayApp answered with an unexpected body'],
    ['HTTP 200 with an empty body', { status: 200, body: '' }, 'RayApp answered with an unexpected body'],
    ['408', { status: 408 }, UNAVAILABLE(408)],
    ['500', { status: 500 }, UNAVAILABLE(500)],
    ['502 with an HTML page', { status: 502, body: '<html>Bad gateway</html>' }, UNAVAILABLE(502)],
  ])('%s → queued with the reason, retried, delivered once', async (_label, fault, error) => {
    const w = worker();
    const item = await w.outbox.enqueue(event(1), T0);
    sb.fault({ path: '/events/interaction', ...fault });
    await w.outbox.flush();
    await expectQueued(w, item, 1, FIRST_BACKOFF, error);
    expect(sb.events).toHaveLength(0);

    clock += FIRST_BACKOFF;
    await w.outbox.onAlarm(RETRY_ALARM);
    await expectSent(w, item, 2);
    expect(posts()).toHaveLength(2);
    expectDeliveredOnce([email(1)]);
  });

  it('HTTP 200 whose body says statusCode 400 → a dead letter with RayApp’s message; never retried by itself', async () => {
    const w = worker();
    const item = await w.outbox.enqueue(event(1), T0);
    const message = 'Invalid event at index 0: user.email: must be a valid e-mail address';
    sb.fault({ path: '/events/interaction', status: 200, body: JSON.stringify({ message, result: 'error', statusCode: 400 }) });
    await w.outbox.flush();

    const dead = (await w.store.get(item.id))!;
    expect(dead).toMatchObject({ status: 'dead', attempts: 1, lastError: message });
    expect(await outcomeOf(dead, false)).toEqual({ ok: false, status: 'failed', id: item.id, error: message });
    expect(await w.store.counts()).toEqual({ queued: 0, dead: 1 });
    expect(await browser.alarms.get(RETRY_ALARM)).toBeUndefined();

    clock += 3_600_000;
    await w.outbox.flush();
    await w.outbox.onAlarm(RETRY_ALARM);
    expect(posts()).toHaveLength(1);
    expect(sb.events).toHaveLength(0);

    // The user fixes it in the popup and resends: delivered once, same id.
    const fixed = await w.outbox.retry(item.id, event(1, { email: 'ana@example.org' }));
    expect(fixed).toMatchObject({ id: item.id, status: 'sent', attempts: 2 });
    expectDeliveredOnce(['ana@example.org']);
  });

  it.each<[string, SandboxFault, string | RegExp]>([
    ['503', { status: 503 }, UNAVAILABLE(503)],
    ['reset', { drop: true }, /^Cannot reach the RayApp server/],
    ['hanging', { hang: true }, /^RayApp did not answer within/],
  ])('the token endpoint %s → queued (not paused, not dead), retried, one login, delivered once', async (_label, fault, error) => {
    const w = worker();
    const item = await w.outbox.enqueue(event(1), T0);
    sb.fault({ path: '/oauth/token', ...fault });
    await w.outbox.flush();
    await expectQueued(w, item, 1, FIRST_BACKOFF, error);
    expect(await readPause()).toBeNull();
    expect(posts()).toHaveLength(0);
    expect(sb.logins).toBe(0);

    clock += FIRST_BACKOFF;
    await w.outbox.onAlarm(RETRY_ALARM);
    await expectSent(w, item, 2);
    expect(sb.logins).toBe(1);
    expectDeliveredOnce([email(1)]);
  });

  it('the token revoked between two batches → exactly one more login; every event once', async () => {
    const w = worker(undefined, { afterPost: (n) => n === 1 && sb.revokeTokens() });
    const items = await enqueueMany(w, 120);
    await w.outbox.flush();

    expect(sb.logins).toBe(2);
    // 50 accepted, 50 refused with 401, the same 50 again with the new token, 20.
    expect(posts().map((_, i) => postedEmails(i).length)).toEqual([50, 50, 50, 20]);
    expect(postedEmails(2)).toEqual(postedEmails(1));
    expectDeliveredOnce(items.map((_, i) => email(i)));
    // (The oldest 20 were trimmed from the history: 100 delivered items are kept.)
    const kept = await w.store.recent(1_000);
    expect(kept).toHaveLength(SENT_KEPT);
    for (const item of kept) expect(item).toMatchObject({ status: 'sent', attempts: 1 });
    expect(await w.store.counts()).toEqual({ queued: 0, dead: 0 });
  });

  it('one invalid event among 20 → the batch is bisected: 19 land, 1 is a dead letter naming the field, ~2·log2(20) POSTs', async () => {
    const w = worker();
    const items: OutboxItem[] = [];
    for (let i = 0; i < 20; i++) {
      // +123456 passes the extension's own check (E.164, 6 digits) but not RayApp's (7 or more).
      const user = i === 7 ? { email: email(i), phone: '+123456' } : { email: email(i) };
      items.push(await w.outbox.enqueue(event(i, user), T0 - 100 + i));
    }
    await w.outbox.flush();

    expect(postedEmails(0)).toHaveLength(20); // the sandbox refuses the whole batch for one bad event
    expect(posts().length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(20)));
    expectDeliveredOnce(items.filter((_, i) => i !== 7).map((_, i, all) => all[i]!.event.user.email!));

    const bad = (await w.store.get(items[7]!.id))!;
    expect(bad).toMatchObject({ status: 'dead', lastError: expect.stringContaining('user.phone: must be E.164') });
    expect(await outcomeOf(bad, false)).toEqual({ ok: false, status: 'failed', id: bad.id, error: bad.lastError });
    for (const [i, item] of items.entries()) if (i !== 7) expect(await w.store.get(item.id)).toMatchObject({ status: 'sent', attempts: 1 });
    expect(await w.store.counts()).toEqual({ queued: 0, dead: 1 });
    expect(await browser.alarms.get(RETRY_ALARM)).toBeUndefined();
  });

  it.each([
    ['a wrong API password (400 invalid_grant)', { apiPassword: 'wrong' }, /API user or API password/],
    ['a wrong client secret (401 invalid_client)', { clientSecret: 'wrong' }, /client id or client secret/],
  ])('%s → the outbox pauses, nothing dropped or dead, no retries; resumed after the fix → delivered once', async (_label, wrong, why) => {
    await saveCredentials({ ...CREDS, ...wrong }, false);
    const w = worker();
    const first = await w.outbox.enqueue(event(1), T0);
    await w.outbox.flush();

    const paused = (await readPause())!;
    expect(paused).toEqual({ reason: expect.stringMatching(/sign in again/), since: T0 });
    expect(paused.reason).toMatch(why);
    const item = (await w.store.get(first.id))!;
    expect(item).toMatchObject({ status: 'queued', attempts: 0 });
    expect(await outcomeOf(item, false)).toEqual({ ok: false, status: 'queued', id: first.id, error: paused.reason });
    expect(await browser.alarms.get(RETRY_ALARM)).toBeUndefined();
    expect(tokenRequests()).toHaveLength(1);

    // While paused, new interactions are kept and nothing is tried.
    clock += 60_000;
    const second = await w.outbox.enqueue(event(2), clock);
    await w.outbox.flush();
    await w.outbox.onAlarm(RETRY_ALARM);
    expect(tokenRequests()).toHaveLength(1);
    expect(await w.store.counts()).toEqual({ queued: 2, dead: 0 });

    // The user saves the right credentials (setup:save → session.forget() + outbox.resume()).
    await saveCredentials(CREDS, false);
    await w.session.forget();
    await w.outbox.resume();
    expect(await readPause()).toBeNull();
    expect(sb.logins).toBe(1);
    expectDeliveredOnce([email(1), email(2)]);
    await expectSent(w, first, 1);
    await expectSent(w, second, 1);
  });

  it('credentials missing (not set up) → paused with the setup message, resumed once they are saved', async () => {
    await clearCredentials();
    const w = worker();
    const item = await w.outbox.enqueue(event(1), T0);
    await w.outbox.flush();
    expect(await readPause()).toEqual({ reason: expect.stringMatching(/not set up/), since: T0 });
    expect(await w.store.get(item.id)).toMatchObject({ status: 'queued', attempts: 0 });
    expect(sb.requests).toHaveLength(0);

    await saveCredentials(CREDS, false);
    await w.outbox.resume();
    await expectSent(w, item, 1);
    expectDeliveredOnce([email(1)]);
  });

  // A login refused without an OAuth reason (404/403: wrong address, a proxy page) pauses; it never dead-letters events.
  it('a login refused with a plain 404 → nothing dead-lettered, not one login per item', async () => {
    const w = worker();
    const items = await enqueueMany(w, 20);
    sb.fault({ path: '/oauth/token', status: 404, times: 1_000 });
    await w.outbox.flush();
    expect(tokenRequests().length).toBeLessThanOrEqual(2);
    expect(await w.store.counts()).toEqual({ queued: 20, dead: 0 });
    for (const item of items) expect((await w.store.get(item.id))!.status).toBe('queued');
  });

  // Backoff and Retry-After hold the whole queue, not just the batch that failed.
  it.each<[string, SandboxFault, number]>([
    ['429 Retry-After: 2', { status: 429, headers: { 'Retry-After': '2' } }, 2_000],
    ['503', { status: 503 }, FIRST_BACKOFF],
  ])('%s on the first of two batches holds the whole queue, not just that batch', async (_label, fault, wait) => {
    const w = worker();
    await enqueueMany(w, 60);
    sb.fault({ path: '/events/interaction', ...fault });
    await w.outbox.flush();
    expect(posts()).toHaveLength(1);
    expect((await browser.alarms.get(RETRY_ALARM))!.scheduledTime).toBeGreaterThanOrEqual(T0 + wait);
    // A click, the browser coming back online, the in-memory timer: any flush before the wait is over.
    await w.outbox.flush();
    expect(posts()).toHaveLength(1);
  });
});

describe('batching and coalescing', () => {
  it(`120 due items → 3 POSTs of ${BATCH_SIZE}/${BATCH_SIZE}/20, oldest first; one login for the whole flush`, async () => {
    const w = worker();
    // Written in a scrambled order: delivery follows the click time, not the write order.
    const items = await enqueueMany(w, 120, (k) => (k * 7) % 120);
    await w.outbox.flush();

    expect(sb.logins).toBe(1);
    expect(posts()).toHaveLength(3);
    const all = items.map((_, i) => email(i));
    expect(postedEmails(0)).toEqual(all.slice(0, 50));
    expect(postedEmails(1)).toEqual(all.slice(50, 100));
    expect(postedEmails(2)).toEqual(all.slice(100));
    expectDeliveredOnce(all);
    expect(await w.store.counts()).toEqual({ queued: 0, dead: 0 });
  });

  it('100 concurrent notify() calls with no token → exactly 1 login and ≤ 3 POSTs; every click told "sent"', async () => {
    const w = worker();
    expect(await w.session.current()).toBeNull();
    const outcomes = await Promise.all(Array.from({ length: 100 }, (_, i) => w.notifier.notify({ email: email(i) })));

    expect(sb.logins).toBe(1);
    expect(posts().length).toBeLessThanOrEqual(3);
    for (const outcome of outcomes) expect(outcome).toMatchObject({ ok: true, status: 'sent' });
    expect(new Set(outcomes.map((o) => (o as { id: string }).id)).size).toBe(100);
    expectDeliveredOnce(Array.from({ length: 100 }, (_, i) => email(i)));
  });

  it('a notify during a running flush joins it: its item is delivered before the flush ends', async () => {
    const w = worker();
    await enqueueMany(w, 3);
    const running = w.outbox.flush();
    const late = await w.outbox.enqueue(event(99), T0);
    await Promise.all([running, w.outbox.flush()]);
    expect((await w.store.get(late.id))!.status).toBe('sent');
    expectDeliveredOnce([email(0), email(1), email(2), email(99)]);
  });
});

describe('alarms and restarts', () => {
  it('after a failure the retry alarm is set for the next attempt; only that alarm flushes; cleared once delivered', async () => {
    const w = worker();
    const item = await w.outbox.enqueue(event(1), T0);
    sb.fault({ path: '/events/interaction', status: 503 });
    await w.outbox.flush();
    expect(await browser.alarms.get(RETRY_ALARM)).toMatchObject({ name: RETRY_ALARM, scheduledTime: T0 + FIRST_BACKOFF });

    clock = T0 + FIRST_BACKOFF;
    await w.outbox.onAlarm('rayapp-token-refresh');
    expect(posts()).toHaveLength(1);
    await w.outbox.onAlarm(RETRY_ALARM);
    await expectSent(w, item, 2);
    expect(await browser.alarms.get(RETRY_ALARM)).toBeUndefined();
  });

  it('a retry due within a minute is also timed in memory (alarms fire no sooner than 30 s)', async () => {
    const w = worker();
    const item = await w.outbox.enqueue(event(1), T0);
    sb.fault({ path: '/events/interaction', status: 503 });
    await w.outbox.flush();

    const settled = w.nextSettle();
    clock = T0 + FIRST_BACKOFF;
    await vi.advanceTimersByTimeAsync(FIRST_BACKOFF);
    await settled;
    await expectSent(w, item, 2);
    expectDeliveredOnce([email(1)]);
  });

  it('a restarted worker (a new outbox over the same database) delivers what the last one left queued, once', async () => {
    const before = worker();
    const failed = await before.outbox.enqueue(event(1), T0);
    sb.fault({ path: '/events/interaction', status: 503 });
    await before.outbox.flush();
    // Killed right after writing, before its flush.
    const unsent = await before.outbox.enqueue(event(2), T0 + 10);
    vi.clearAllTimers(); // the old worker's in-memory timers die with it

    clock = T0 + FIRST_BACKOFF;
    const after = worker(before.name);
    await after.outbox.flush(); // what the worker does when it starts
    await expectSent(after, failed, 2);
    await expectSent(after, unsent, 1);
    expectDeliveredOnce([email(1), email(2)]);
    expect(sb.logins).toBe(1); // the token kept in storage.session served the new worker too
  });

  it('a pause survives a restart: the new worker tries nothing until resumed', async () => {
    await saveCredentials({ ...CREDS, apiPassword: 'wrong' }, false);
    const before = worker();
    const item = await before.outbox.enqueue(event(1), T0);
    await before.outbox.flush();
    expect(await readPause()).not.toBeNull();

    const after = worker(before.name);
    await after.outbox.flush();
    expect(tokenRequests()).toHaveLength(1);
    await saveCredentials(CREDS, false);
    await after.outbox.resume();
    await expectSent(after, item, 1);
  });
});

describe('history upkeep and odd records', () => {
  it(`delivered items are trimmed to the newest ${SENT_KEPT}`, async () => {
    const w = worker();
    const items = await enqueueMany(w, 130);
    await w.outbox.flush();
    const kept = await w.store.recent(1_000);
    expect(kept).toHaveLength(SENT_KEPT);
    expect(kept.map((i) => i.id)).toEqual(items.slice(30).reverse().map((i) => i.id));
    expectDeliveredOnce(items.map((_, i) => email(i)));
  });

  it('malformed records in the database are skipped, never sent, and do not stop the good ones', async () => {
    const w = worker();
    const db = await openOutboxDb(w.name);
    const junk = [
      { id: 'junk-no-event', createdAt: T0 - 200_000, status: 'queued', attempts: 0, nextAttemptAt: T0 - 200_000 },
      { id: 'junk-bad-event', createdAt: T0 - 199_000, status: 'queued', attempts: 0, nextAttemptAt: T0 - 199_000, event: { user: 'nobody' } },
      { id: 'junk-bad-user', createdAt: T0 - 198_000, status: 'queued', attempts: 0, nextAttemptAt: T0 - 198_000, event: { ...event(0), user: {} } },
    ];
    for (const record of junk) await db.put('items', record as unknown as OutboxItem);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const items = await enqueueMany(w, 5);

    await w.outbox.flush();
    expectDeliveredOnce(items.map((_, i) => email(i)));
    expect(posts()).toHaveLength(1);
    expect(postedEmails(0)).toHaveLength(5);
    expect(warn).toHaveBeenCalled();
    // The history lists only what can be read.
    expect((await w.store.recent(100)).map((i) => i.id).sort()).toEqual(items.map((i) => i.id).sort());
    warn.mockRestore();
  });

  // Unreadable records leave the queue instead of starving the good items behind them.
  it(`${BATCH_SIZE} malformed records at the head of the queue do not starve the good ones`, async () => {
    const w = worker();
    const db = await openOutboxDb(w.name);
    for (let i = 0; i < BATCH_SIZE; i++) {
      await db.put('items', { id: `junk-${i}`, createdAt: T0 - 200_000 + i, status: 'queued', attempts: 0, nextAttemptAt: T0 - 200_000 + i } as unknown as OutboxItem);
    }
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const item = await w.outbox.enqueue(event(1), T0);
    await w.outbox.flush();
    await expectSent(w, item, 1);
  });

  // An event the store could not read back is refused at enqueue, so it never loops in the queue.
  it('an event the store cannot read back is refused at enqueue, or at least does not loop for ever', async () => {
    const w = worker();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const bad = await w.outbox.enqueue(event(1, { phone: '+1' }), T0).catch(() => null);
    await w.outbox.flush();
    expect(posts()).toHaveLength(0);
    expect(await w.store.counts()).toEqual({ queued: 0, dead: bad ? 1 : 0 });
    expect(await browser.alarms.get(RETRY_ALARM)).toBeUndefined();
  });

  it('the badge follows the outbox: queued + dead, red with a dead letter, cleared when all is delivered', async () => {
    const w = worker();
    const refresh = async () => showBadge({ ...(await w.store.counts()), paused: !!(await readPause()) });
    const good = await w.outbox.enqueue(event(1), T0);
    await w.outbox.enqueue(event(2, { email: email(2), phone: '+123456' }), T0 + 1);
    sb.fault({ path: '/events/interaction', status: 503 });
    await w.outbox.flush();
    await refresh();
    expect(await browser.action.getBadgeText({})).toBe('2');
    expect(await browser.action.getBadgeBackgroundColor({})).toEqual([180, 83, 9, 255]); // amber: only waiting

    clock += FIRST_BACKOFF;
    await w.outbox.onAlarm(RETRY_ALARM);
    await refresh();
    expect(await browser.action.getBadgeText({})).toBe('1');
    expect(await browser.action.getBadgeBackgroundColor({})).toEqual([185, 28, 28, 255]); // red: the user must act
    expect(await browser.action.getTitle({})).toMatch(/1 refused by RayApp/);
    await expectSent(w, good, 2);

    // The user discards the dead letter: nothing left, the badge clears.
    const [dead] = (await w.store.recent(10)).filter((i) => i.status === 'dead');
    await w.store.remove(dead!.id);
    await refresh();
    expect(await browser.action.getBadgeText({})).toBe('');
  });
});
