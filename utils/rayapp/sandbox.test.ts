// @vitest-environment node
// Round trips against the real RayApp sandbox over HTTP (node env: happy-dom's fetch enforces CORS).
import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEMO_CREDENTIALS as DEMO, startSandbox, type Sandbox } from '@/sandbox/server.mjs';
import { requestToken, type Credentials } from './token';
import { postInteractions } from './interactions';
import { RayAppError } from './errors';
import { buildInteraction } from '@/utils/interaction';
import { browser } from 'wxt/browser';
import { createTokenSession } from '@/utils/session/token-session';
import { saveCredentials, loadCredentials } from '@/utils/session/credentials';
import { saveSettings, loadSettings } from '@/utils/settings';
import { createNotifier } from '@/utils/notify';
import { openOutboxDb } from '@/utils/outbox/db';
import { createOutboxStore } from '@/utils/outbox/store';
import { createOutbox, RETRY_ALARM } from '@/utils/outbox/outbox';

let sb: Sandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(async () => {
  await sb?.close();
});

const ODD_USER = 'ñandú+crm@example.com';
const ODD_PASSWORD = 'p&ss=w+rd%20: 100% sûr ñ €';
const creds = (over: Partial<Credentials> = {}): Credentials => ({
  clientId: DEMO.clientId,
  clientSecret: DEMO.clientSecret,
  apiUser: DEMO.apiUser,
  apiPassword: DEMO.apiPassword,
  ...over,
});

describe('against the sandbox', () => {
  it('logs in a user whose name and password need form-encoding, then posts an event with that token', async () => {
    sb.addUser({ username: ODD_USER, password: ODD_PASSWORD });
    const token = await requestToken(sb.url, creds({ apiUser: ODD_USER, apiPassword: ODD_PASSWORD }));
    expect(token.token_type).toBe('bearer');
    expect(token.expires_in).toBe(3599);
    expect(sb.logins).toBe(1);

    const event = buildInteraction({ email: 'ana@example.com', name: 'Ana' }, DEMO.storeId, { type: 'visit', subType: 'crm', customProps: {} }, new Date('2024-01-02T03:04:05.678Z'));
    await expect(postInteractions(sb.url, `${token.token_type} ${token.access_token}`, [event])).resolves.toEqual({
      message: 'Interactions registered',
    });
    expect(sb.events.map((e) => e.event)).toEqual([event]);
  });

  it('tells a wrong client secret (client) from a wrong password (user)', async () => {
    const client = await requestToken(sb.url, creds({ clientSecret: 'sécret:ñ' })).catch((e: unknown) => e);
    expect(client).toBeInstanceOf(RayAppError);
    expect((client as RayAppError).kind).toBe('client');

    const user = await requestToken(sb.url, creds({ apiPassword: `${ODD_PASSWORD}x` })).catch((e: unknown) => e);
    expect(user).toBeInstanceOf(RayAppError);
    expect((user as RayAppError).kind).toBe('user');
  });

  it('a revoked token gets "unauthorized", an invalid event "rejected" with the sandbox message', async () => {
    const token = await requestToken(sb.url, creds());
    const auth = `${token.token_type} ${token.access_token}`;
    const bad = buildInteraction({ email: 'ana@example.com' }, 999, { type: 'visit', subType: 'crm', customProps: {} }, new Date());
    const rejected = (await postInteractions(sb.url, auth, [bad]).catch((e: unknown) => e)) as RayAppError;
    expect(rejected.kind).toBe('rejected');
    expect(rejected.message).toContain('storeId: permission denied');

    sb.revokeTokens();
    const refused = (await postInteractions(sb.url, auth, [bad]).catch((e: unknown) => e)) as RayAppError;
    expect(refused.kind).toBe('unauthorized');
  });
});

describe('worker core against the sandbox (fakeBrowser works in the node environment too)', () => {
  const T0 = Date.UTC(2024, 0, 2, 3, 4, 5);
  let clock = T0;
  let dbCount = 0;

  beforeEach(async () => {
    // The outbox also times short retries in memory; here they fire only when the test says so.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    clock = T0;
    sb.reset();
    await saveSettings({ apiBase: sb.url, storeId: DEMO.storeId, presets: [{ id: 'default', name: 'Default', type: 'visit', subType: 'crm', customProps: {} }], defaultPresetId: 'default', remember: false });
    await saveCredentials(creds({ apiUser: ODD_USER, apiPassword: ODD_PASSWORD }), false);
  });
  afterEach(() => {
    vi.clearAllTimers();
    vi.useRealTimers();
  });

  function worker() {
    const session = createTokenSession({ loadCredentials, loadApiBase: async () => (await loadSettings())?.apiBase ?? null, now: () => clock });
    const store = createOutboxStore(openOutboxDb(`sandbox-test-${++dbCount}`));
    const outbox = createOutbox({ store, session, loadSettings, now: () => clock, random: () => 0.5 });
    return { store, outbox, notifier: createNotifier(outbox, store, () => clock) };
  }

  it('notify sends one event; after the tokens are revoked the next notify logs in once more and is sent', async () => {
    expect(await browser.storage.session.get('credentials')).toHaveProperty('credentials.apiUser', ODD_USER);
    const { store, notifier } = worker();
    expect(await notifier.notify({ fullName: 'Ana García', email: 'ANA@example.com' })).toMatchObject({ ok: true, status: 'sent' });
    expect(sb.events.map((e) => e.event.user)).toEqual([{ email: 'ana@example.com', name: 'Ana', lastName: 'García' }]);
    expect(sb.events[0]!.event.timestamp).toBe('2024-01-02T03:04:05.000Z');

    sb.revokeTokens();
    clock += 1_000;
    expect(await notifier.notify({ email: 'bob@example.com' })).toMatchObject({ ok: true, status: 'sent' });
    expect(sb.logins).toBe(2);
    expect(sb.events).toHaveLength(2);
    expect((await store.recent(100)).map((e) => e.status)).toEqual(['sent', 'sent']);
  });

  it('notify with a named preset: the sandbox receives that preset’s type, subType and customProps', async () => {
    const settings = (await loadSettings())!;
    const call = { id: 'p-call', name: 'Demo call', type: 'CRM_CALL', subType: 'OUTBOUND', customProps: { channel: 'phone' } };
    await saveSettings({ ...settings, presets: [...settings.presets, call] });
    const { notifier } = worker();
    expect(await notifier.notify({ email: 'ana@example.com' }, 'p-call')).toMatchObject({ ok: true, status: 'sent' });
    expect(await notifier.notify({ email: 'bob@example.com' }, 'gone')).toEqual({ ok: false, status: 'not-sent', error: 'That event preset no longer exists' });
    expect(sb.events.map((e) => e.event)).toEqual([
      expect.objectContaining({ type: 'CRM_CALL', subType: 'OUTBOUND', customProps: { channel: 'phone' }, user: { email: 'ana@example.com' } }),
    ]);
  });

  it('a 503 → the button says queued with the retry time; the retry alarm delivers it exactly once', async () => {
    const { store, outbox, notifier } = worker();
    sb.fault({ path: '/events/interaction', status: 503 });
    const queued = await notifier.notify({ email: 'ana@example.com' });
    expect(queued).toMatchObject({ ok: false, status: 'queued', retryAt: T0 + 1_500, error: expect.stringContaining('503') });
    expect(sb.events).toHaveLength(0);
    expect(await browser.alarms.get(RETRY_ALARM)).toMatchObject({ scheduledTime: T0 + 1_500 });

    clock = T0 + 1_500;
    await outbox.onAlarm(RETRY_ALARM);
    expect(sb.events.map((e) => e.event.user.email)).toEqual(['ana@example.com']);
    expect(await store.recent(10)).toEqual([expect.objectContaining({ status: 'sent', attempts: 2 })]);
    expect(await browser.alarms.get(RETRY_ALARM)).toBeUndefined();
  });

  it('an event the sandbox refuses → failed with the sandbox message; nothing retried', async () => {
    const { store, notifier } = worker();
    await saveSettings({ apiBase: sb.url, storeId: 999, presets: [{ id: 'default', name: 'Default', type: 'visit', subType: 'crm', customProps: {} }], defaultPresetId: 'default', remember: false });
    const failed = await notifier.notify({ email: 'ana@example.com' });
    expect(failed).toMatchObject({ ok: false, status: 'failed', error: expect.stringContaining('storeId: permission denied') });
    expect(await store.counts()).toEqual({ queued: 0, dead: 1 });
    expect(await browser.alarms.get(RETRY_ALARM)).toBeUndefined();
    expect(sb.requests.filter((r) => r.path === '/events/interaction')).toHaveLength(1);
  });
});
