import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createNotifier, DEDUPE_WINDOW_MS } from './notify';
import { createTokenSession, NotSetUpError } from './session/token-session';
import { saveCredentials, loadCredentials } from './session/credentials';
import { saveSettings, loadSettings } from './settings';
import { openOutboxDb } from './outbox/db';
import { createOutboxStore, type OutboxStore } from './outbox/store';
import { createOutbox } from './outbox/outbox';
import type { EventPreset, InteractionEvent } from './interaction';
import { browser } from 'wxt/browser';

const BASE = 'https://api.example.test';
const T0 = Date.UTC(2024, 4, 6, 7, 8, 9, 123);
const CUSTOMER = { firstName: ' Ana ', lastName: 'García', email: '  Ana.Garcia@Example.COM ', company: 'Acme' };
const PRESET: EventPreset = { type: 'visit', subType: 'crm', customProps: { origin: 'hubspot' } };

type Reply = () => Response | Promise<Response>;
const ok = (body: unknown, status = 200) => () => new Response(JSON.stringify(body), { status });

/** A fake RayApp: answers /oauth/token and /events/interaction; records what it was sent. */
let interactionReply: Reply;
let rayapp: ReturnType<typeof vi.fn<typeof fetch>>;
let now: number;
let store: OutboxStore;
let notifier: ReturnType<typeof createNotifier>;
let dbCount = 0;

const interactionCalls = () => rayapp.mock.calls.filter(([url]) => String(url) === `${BASE}/events/interaction`);
const tokenCalls = () => rayapp.mock.calls.filter(([url]) => String(url) === `${BASE}/oauth/token`);
const postedBatch = (i: number) => JSON.parse(interactionCalls()[i]![1]?.body as string) as InteractionEvent[];
/** The outbox is the history now: newest first. */
const history = () => store.recent(100);
const idOf = (outcome: unknown) => (outcome as { id: string }).id;

async function setUp(preset = PRESET) {
  await saveSettings({ apiBase: BASE, storeId: 1234, presets: [{ id: 'default', name: 'Default', ...preset }], defaultPresetId: 'default', remember: false });
  await saveCredentials({ clientId: 'acme', clientSecret: 'sécret', apiUser: 'ventas', apiPassword: 'pw' }, false);
}

beforeEach(() => {
  // The outbox times retries in memory too; those timers must not fire on their own in a test.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  now = T0;
  interactionReply = ok({ message: 'Interactions registered', result: 'success', statusCode: 200 });
  rayapp = vi.fn<typeof fetch>(async (input) => {
    const url = String(input);
    if (url === `${BASE}/oauth/token`) return ok({ access_token: 'tok', token_type: 'bearer', expires_in: 3599 })();
    if (url === `${BASE}/events/interaction`) return interactionReply();
    throw new TypeError(`unexpected fetch ${url}`);
  });
  const session = createTokenSession({
    loadCredentials,
    loadApiBase: async () => (await loadSettings())?.apiBase ?? null,
    now: () => now,
    http: { fetch: rayapp },
  });
  store = createOutboxStore(openOutboxDb(`notify-test-${++dbCount}`));
  const outbox = createOutbox({ store, session, loadSettings, now: () => now, random: () => 0.5, http: { fetch: rayapp } });
  notifier = createNotifier(outbox, store, () => now);
});

afterEach(() => {
  vi.clearAllTimers();
  vi.useRealTimers();
});

describe('notify', () => {
  it('not set up → not-sent with the setup message; nothing posted, nothing kept', async () => {
    const outcome = await notifier.notify(CUSTOMER);
    expect(outcome).toEqual({ ok: false, status: 'not-sent', error: new NotSetUpError().message });
    expect(rayapp).not.toHaveBeenCalled();
    expect(await history()).toEqual([]);
  });

  it('a customer with neither email nor phone → not-sent, no login, nothing posted, nothing kept', async () => {
    await setUp();
    const outcome = await notifier.notify({ firstName: 'Ana', lastName: 'García', company: 'Acme' });
    expect(outcome).toMatchObject({ ok: false, status: 'not-sent', error: expect.stringMatching(/email|phone/i) });
    expect(rayapp).not.toHaveBeenCalled();
    expect(await history()).toEqual([]);
  });

  it('a customer with only an unusable email → not-sent, nothing posted, nothing kept', async () => {
    await setUp();
    const outcome = await notifier.notify({ email: 'j***@example.com' });
    expect(outcome).toMatchObject({ ok: false, status: 'not-sent' });
    expect(interactionCalls()).toHaveLength(0);
    expect(await history()).toEqual([]);
  });

  it('a good customer → exactly one POST of [event] built from the settings and the click time', async () => {
    await setUp();
    const outcome = await notifier.notify(CUSTOMER);
    expect(outcome).toMatchObject({ ok: true, status: 'sent', id: expect.any(String), message: expect.stringContaining('ana.garcia@example.com') });

    expect(interactionCalls()).toHaveLength(1);
    const [, init] = interactionCalls()[0]!;
    expect(new Headers(init?.headers).get('Authorization')).toBe('bearer tok');
    const batch = postedBatch(0);
    expect(batch).toEqual([
      {
        customProps: { origin: 'hubspot' },
        storeId: 1234,
        type: 'visit',
        subType: 'crm',
        source: 'OTHER',
        timestamp: '2024-05-06T07:08:09.123Z',
        user: { email: 'ana.garcia@example.com', name: 'Ana', lastName: 'García' },
      },
    ]);

    const entries = await history();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ id: idOf(outcome), createdAt: T0, status: 'sent', attempts: 1, sentAt: T0, event: batch[0] });
  });

  it('a phone-only customer is sent with the phone in E.164', async () => {
    await setUp();
    const outcome = await notifier.notify({ fullName: 'Juan Pérez', phone: '+54 9 11 5555-0000', country: 'Argentina' });
    expect(outcome).toMatchObject({ ok: true, status: 'sent' });
    expect(postedBatch(0)[0]!.user).toMatchObject({ phone: '+5491155550000', country: 'AR' });
    expect(postedBatch(0)[0]!.user.email).toBeUndefined();
  });

  it('503 → queued with the retry time, kept in the outbox; retry after recovery → sent, same id and timestamp, one entry', async () => {
    await setUp();
    interactionReply = ok({ message: 'Service Unavailable', statusCode: 503 }, 503);
    const queued = await notifier.notify(CUSTOMER);
    // random() = 0.5 → the first backoff is 1.5 s (between 1 s and 2 s).
    expect(queued).toEqual({ ok: false, status: 'queued', id: expect.any(String), error: 'RayApp is unavailable right now (HTTP 503)', retryAt: T0 + 1_500 });
    const id = idOf(queued);
    expect(await history()).toEqual([
      expect.objectContaining({ id, status: 'queued', attempts: 1, createdAt: T0, nextAttemptAt: T0 + 1_500, lastError: 'RayApp is unavailable right now (HTTP 503)' }),
    ]);

    // Some minutes later the server is back.
    now = T0 + 5 * 60_000;
    interactionReply = ok({ message: 'Interactions registered', result: 'success', statusCode: 200 });
    const retried = await notifier.retry(id);
    expect(retried).toMatchObject({ ok: true, status: 'sent', id });

    expect(interactionCalls()).toHaveLength(2);
    expect(postedBatch(1)).toEqual(postedBatch(0));
    expect(postedBatch(1)[0]!.timestamp).toBe('2024-05-06T07:08:09.123Z');

    const entries = await history();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ id, status: 'sent', attempts: 2, createdAt: T0, sentAt: now });
    expect(entries[0]!.lastError).toBeUndefined();
  });

  it('retrying an already sent entry posts nothing again', async () => {
    await setUp();
    const sent = await notifier.notify(CUSTOMER);
    const again = await notifier.retry(idOf(sent));
    expect(again).toMatchObject({ ok: true, status: 'sent', id: idOf(sent) });
    expect(interactionCalls()).toHaveLength(1);
  });

  it('retrying an unknown id → not-sent, nothing posted', async () => {
    await setUp();
    expect(await notifier.retry('no-such-id')).toMatchObject({ ok: false, status: 'not-sent' });
    expect(rayapp).not.toHaveBeenCalled();
  });

  it('HTTP 200 with body statusCode 400 → failed (a dead letter) with RayApp’s message; not retried by itself', async () => {
    await setUp();
    const message = 'Invalid event at index 0: user.email: must be a valid e-mail address';
    interactionReply = ok({ message, result: 'error', statusCode: 400 });
    const outcome = await notifier.notify(CUSTOMER);
    expect(outcome).toEqual({ ok: false, status: 'failed', id: expect.any(String), error: message });
    expect(await history()).toEqual([expect.objectContaining({ id: idOf(outcome), status: 'dead', attempts: 1, lastError: message })]);
    expect(await store.counts()).toEqual({ queued: 0, dead: 1 });
    // Nothing left to retry on its own.
    expect(await store.nextAttemptAt()).toBeNull();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a dead letter resent with the user’s corrections → sent, same id, the corrected customer posted', async () => {
    await setUp();
    interactionReply = ok({ message: 'Invalid event at index 0: user.email: unknown domain', result: 'error', statusCode: 400 });
    const failed = await notifier.notify(CUSTOMER);
    expect(failed).toMatchObject({ status: 'failed' });

    interactionReply = ok({ message: 'Interactions registered', result: 'success', statusCode: 200 });
    const resent = await notifier.retry(idOf(failed), { firstName: 'Ana', lastName: 'García', email: 'ana@example.org' });
    expect(resent).toMatchObject({ ok: true, status: 'sent', id: idOf(failed) });
    expect(postedBatch(1)[0]).toMatchObject({ timestamp: '2024-05-06T07:08:09.123Z', user: { email: 'ana@example.org', name: 'Ana', lastName: 'García' } });
    expect(await history()).toEqual([expect.objectContaining({ id: idOf(failed), status: 'sent', attempts: 2 })]);
  });

  it('resending with corrections that are still unusable → not-sent; the dead letter stays as it was', async () => {
    await setUp();
    interactionReply = ok({ message: 'Invalid event at index 0: user.email: unknown domain', result: 'error', statusCode: 400 });
    const failed = await notifier.notify(CUSTOMER);
    const reply = await notifier.retry(idOf(failed), { firstName: 'Ana' });
    expect(reply).toMatchObject({ ok: false, status: 'not-sent', error: expect.stringMatching(/email|phone/i) });
    expect(interactionCalls()).toHaveLength(1);
    expect(await history()).toEqual([expect.objectContaining({ id: idOf(failed), status: 'dead' })]);
  });

  it('a 401 on the post → one fresh login and one resend, then sent', async () => {
    await setUp();
    let first = true;
    interactionReply = () => {
      if (first) {
        first = false;
        return new Response(JSON.stringify({ error: 'invalid_token' }), { status: 401 });
      }
      return ok({ statusCode: 200 })();
    };
    expect(await notifier.notify(CUSTOMER)).toMatchObject({ ok: true, status: 'sent' });
    expect(tokenCalls()).toHaveLength(2);
    expect(interactionCalls()).toHaveLength(2);
    expect(await history()).toEqual([expect.objectContaining({ status: 'sent', attempts: 1 })]);
  });

  it('two customers give two history entries, newest first, with one login', async () => {
    await setUp();
    const a = await notifier.notify(CUSTOMER);
    now += 1000;
    const b = await notifier.notify({ email: 'bob@example.com' });
    expect((await history()).map((e) => e.id)).toEqual([idOf(b), idOf(a)]);
    expect(tokenCalls()).toHaveLength(1);
  });
});

describe('dedupe: the same customer and preset within 10 s is one interaction', () => {
  it('a second click on the same email 9.999 s later → the same item, nothing posted again, "already sent"', async () => {
    await setUp();
    const first = await notifier.notify(CUSTOMER);
    now += DEDUPE_WINDOW_MS - 1;
    const second = await notifier.notify({ email: 'ana.garcia@example.com' });
    expect(second).toEqual({ ok: true, status: 'sent', id: idOf(first), message: expect.stringMatching(/^Already sent a moment ago: .*ana\.garcia@example\.com/) });
    expect(interactionCalls()).toHaveLength(1);
    expect(await history()).toHaveLength(1);
  });

  it('the same phone (even with another email) → one item', async () => {
    await setUp();
    const first = await notifier.notify({ fullName: 'Juan Pérez', phone: '+54 9 11 5555-0000', country: 'AR', email: 'juan@example.com' });
    now += 3_000;
    const second = await notifier.notify({ phone: '+5491155550000', email: 'jp@example.org' });
    expect(idOf(second)).toBe(idOf(first));
    expect(interactionCalls()).toHaveLength(1);
    expect(await history()).toHaveLength(1);
  });

  it('after 10 s → two items, two POSTs', async () => {
    await setUp();
    const first = await notifier.notify(CUSTOMER);
    now += DEDUPE_WINDOW_MS + 1;
    const second = await notifier.notify(CUSTOMER);
    expect(second).toMatchObject({ ok: true, status: 'sent', message: expect.stringMatching(/^Sent to RayApp/) });
    expect(idOf(second)).not.toBe(idOf(first));
    expect(interactionCalls()).toHaveLength(2);
    expect(await history()).toHaveLength(2);
  });

  it('another preset (type/subType) within 10 s → two items', async () => {
    await setUp();
    const first = await notifier.notify(CUSTOMER);
    await setUp({ type: 'call', subType: 'phone', customProps: {} });
    now += 1_000;
    const second = await notifier.notify(CUSTOMER);
    expect(idOf(second)).not.toBe(idOf(first));
    expect(interactionCalls()).toHaveLength(2);
    expect(postedBatch(1)[0]).toMatchObject({ type: 'call', subType: 'phone' });
  });

  it('another customer within 10 s → two items', async () => {
    await setUp();
    await notifier.notify(CUSTOMER);
    now += 500;
    await notifier.notify({ email: 'bob@example.com' });
    expect(await history()).toHaveLength(2);
  });

  it('simultaneous clicks for the same customer (button + menu + another tab) → one item, one POST, the same answer', async () => {
    await setUp();
    const outcomes = await Promise.all([notifier.notify(CUSTOMER), notifier.notify(CUSTOMER), notifier.notify({ email: 'ana.garcia@example.com' })]);
    expect(new Set(outcomes.map(idOf)).size).toBe(1);
    for (const outcome of outcomes) expect(outcome).toMatchObject({ ok: true, status: 'sent' });
    expect(interactionCalls()).toHaveLength(1);
    expect(postedBatch(0)).toHaveLength(1);
    expect(await history()).toHaveLength(1);
  });

  it('a second click while the first is queued (RayApp down) → the same queued item and retry time, nothing posted again', async () => {
    await setUp();
    interactionReply = ok({ message: 'Service Unavailable', statusCode: 503 }, 503);
    const first = await notifier.notify(CUSTOMER);
    now += 500;
    const second = await notifier.notify(CUSTOMER);
    expect(second).toEqual({ ...first });
    expect(interactionCalls()).toHaveLength(1);
  });

  // A discarded item is no longer a duplicate: the in-memory dedupe window checks the store.
  it('a click after the earlier item was discarded is not answered from the discarded item', async () => {
    await setUp();
    interactionReply = ok({ message: 'Service Unavailable', statusCode: 503 }, 503);
    const first = await notifier.notify(CUSTOMER);
    await store.remove(idOf(first)); // history:discard
    now += 2_000;
    const second = await notifier.notify(CUSTOMER);
    // Whatever the outcome, it must name an item that exists.
    expect(second).toMatchObject({ status: 'queued' });
    expect(await store.get(idOf(second))).toBeDefined();
  });
});

describe('named event presets', () => {
  const CALL = { id: 'p-call', name: 'Demo call', type: 'CRM_CALL', subType: 'OUTBOUND', customProps: { channel: 'phone' } };

  async function setUpPresets(defaultPresetId = 'default') {
    await setUp();
    const settings = (await loadSettings())!;
    await saveSettings({ ...settings, presets: [...settings.presets, CALL], defaultPresetId });
  }

  it('notify(raw, presetId) sends an event of that preset, not the default', async () => {
    await setUpPresets();
    expect(await notifier.notify(CUSTOMER, 'p-call')).toMatchObject({ ok: true, status: 'sent' });
    expect(postedBatch(0)[0]).toMatchObject({ type: 'CRM_CALL', subType: 'OUTBOUND', customProps: { channel: 'phone' }, storeId: 1234 });
  });

  it('notify(raw) uses whichever preset is the default', async () => {
    await setUpPresets('p-call');
    await notifier.notify(CUSTOMER);
    expect(postedBatch(0)[0]).toMatchObject({ type: 'CRM_CALL', subType: 'OUTBOUND', customProps: { channel: 'phone' } });
  });

  it('an unknown preset id → not-sent with why; nothing posted, nothing kept', async () => {
    await setUpPresets();
    expect(await notifier.notify(CUSTOMER, 'deleted-meanwhile')).toEqual({ ok: false, status: 'not-sent', error: 'That event preset no longer exists' });
    expect(rayapp).not.toHaveBeenCalled();
    expect(await history()).toEqual([]);
  });

  it('the same customer with two presets within 10 s is two interactions', async () => {
    await setUpPresets();
    const first = await notifier.notify(CUSTOMER);
    const second = await notifier.notify(CUSTOMER, 'p-call');
    expect(idOf(second)).not.toBe(idOf(first));
    expect(interactionCalls()).toHaveLength(2);
  });

  it('settings saved before presets had names (a single `preset`) still notify with that preset', async () => {
    await setUp();
    const { presets, defaultPresetId, ...rest } = (await loadSettings())!;
    expect(defaultPresetId).toBe('default');
    await browser.storage.local.set({ settings: { ...rest, preset: { type: 'visit', subType: 'crm', customProps: { origin: 'hubspot' } } } });
    expect(presets).toHaveLength(1);
    expect(await notifier.notify(CUSTOMER)).toMatchObject({ ok: true, status: 'sent' });
    expect(postedBatch(0)[0]).toMatchObject({ type: 'visit', subType: 'crm', customProps: { origin: 'hubspot' } });
    expect(await notifier.notify({ email: 'bob@example.com' }, 'default')).toMatchObject({ ok: true, status: 'sent' });
  });
});
