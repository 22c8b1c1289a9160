import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser, type Browser } from 'wxt/browser';
import { createRouter } from './router';
import { createTokenSession } from './session/token-session';
import { loadCredentials } from './session/credentials';
import { forgetCachedKey } from './session/secret-box';
import { loadSettings } from './settings';
import type { createNotifier } from './notify';
import type { NotifyOutcome } from './messages/types';
import { openOutboxDb, type OutboxItem } from './outbox/db';
import { createOutboxStore, type OutboxStore } from './outbox/store';
import type { Outbox } from './outbox/outbox';
import { pause, readPause } from './outbox/pause';

const SECRET = 'Zx9-client-sécret';
const PASSWORD = 'p@ss wörd&=1';
const T0 = Date.UTC(2024, 0, 2, 3, 4, 5);

const POPUP: Browser.runtime.MessageSender = { id: 'test-extension-id', url: 'chrome-extension://test-extension-id/popup.html' };
const tab = { id: 7, index: 0, highlighted: false, active: true, pinned: false, incognito: false, windowId: 1 } as Browser.tabs.Tab;
const CONTENT: Browser.runtime.MessageSender = { id: 'test-extension-id', url: 'https://app.hubspot.com/contacts/1/record/0-1/2', tab, frameId: 0 };
const STRANGER: Browser.runtime.MessageSender = { id: 'test-extension-id', url: 'https://evil.example/', tab, frameId: 0 };

const form = (over: Record<string, string | boolean> = {}) => ({
  apiBase: 'http://localhost:8787',
  clientId: 'acme-client',
  clientSecret: SECRET,
  apiUser: 'ventas@acme.example',
  apiPassword: PASSWORD,
  storeId: '1234',
  eventType: 'visit',
  eventSubType: 'crm',
  remember: false,
  ...over,
});

type TokenReply = () => Response | Promise<Response>;
const tokenOk: TokenReply = () =>
  new Response(JSON.stringify({ access_token: 'tok', token_type: 'bearer', expires_in: 3599 }), { status: 200 });

let tokenReply: TokenReply;
let tokenFetch: ReturnType<typeof vi.fn<typeof fetch>>;
let notifier: { notify: ReturnType<typeof vi.fn>; retry: ReturnType<typeof vi.fn> };
let outbox: { resume: ReturnType<typeof vi.fn>; flush: ReturnType<typeof vi.fn> };
let store: OutboxStore;
let onChange: ReturnType<typeof vi.fn<() => void>>;
let dbCount = 0;
let route: ReturnType<typeof createRouter>;
/** Every reply the router gave in the current test, to check none leaks a secret. */
let replies: unknown[];

beforeEach(() => {
  expect(browser.runtime.id).toBe('test-extension-id');
  tokenReply = tokenOk;
  tokenFetch = vi.fn<typeof fetch>(async () => tokenReply());
  const session = createTokenSession({
    loadCredentials,
    loadApiBase: async () => (await loadSettings())?.apiBase ?? null,
    now: () => T0,
    http: { fetch: tokenFetch },
  });
  const sent: NotifyOutcome = { ok: true, status: 'sent', id: 'id-1', message: 'Sent to RayApp: Ana' };
  notifier = { notify: vi.fn(async () => sent), retry: vi.fn(async () => sent) };
  outbox = { resume: vi.fn(async () => {}), flush: vi.fn(async () => {}) };
  store = createOutboxStore(openOutboxDb(`router-test-${++dbCount}`));
  onChange = vi.fn<() => void>();
  const router = createRouter({
    session,
    notifier: notifier as unknown as ReturnType<typeof createNotifier>,
    outbox: outbox as unknown as Outbox,
    store,
    onChange,
  });
  replies = [];
  route = async (message, sender) => {
    const reply = await router(message, sender);
    replies.push(reply);
    return reply;
  };
});

function expectNoSecretInReplies() {
  const text = JSON.stringify(replies);
  expect(text).not.toContain(SECRET);
  expect(text).not.toContain(PASSWORD);
  expect(text).not.toContain(encodeURIComponent(PASSWORD));
}

const storageIsEmpty = async () => {
  expect(await browser.storage.local.get(null)).toEqual({});
  expect(await browser.storage.session.get(null)).toEqual({});
};

describe('who may send what', () => {
  it('a content script may send notify, which reaches the notifier', async () => {
    const customer = { email: 'ana@example.com' };
    const reply = await route({ type: 'notify', customer }, CONTENT);
    expect(reply).toMatchObject({ ok: true, status: 'sent' });
    expect(notifier.notify).toHaveBeenCalledWith(customer, undefined); // no presetId: the default preset
  });

  it.each([
    ['setup:get', { type: 'setup:get' }],
    ['setup:save', { type: 'setup:save', form: form() }],
    ['connection:test', { type: 'connection:test' }],
    ['history:get', { type: 'history:get' }],
    ['history:retry', { type: 'history:retry', id: 'x' }],
    ['history:resend', { type: 'history:resend', id: 'x', customer: { email: 'a@example.com' } }],
    ['history:discard', { type: 'history:discard', id: 'x' }],
    ['history:clear', { type: 'history:clear' }],
  ])('a content script may NOT send %s', async (_label, message) => {
    await store.add(item('x', 'dead', 1));
    const reply = await route(message, CONTENT);
    expect(reply).toEqual({ ok: false, error: expect.any(String) });
    await storageIsEmpty();
    expect(tokenFetch).not.toHaveBeenCalled();
    expect(notifier.retry).not.toHaveBeenCalled();
    expect(outbox.resume).not.toHaveBeenCalled();
    expect(await store.get('x')).toBeDefined();
  });

  it('a content script cannot read the setup even after it was saved', async () => {
    await route({ type: 'setup:save', form: form() }, POPUP);
    const reply = await route({ type: 'setup:get' }, CONTENT);
    expect(reply).toEqual({ ok: false, error: expect.any(String) });
    expect(JSON.stringify(reply)).not.toContain('acme-client');
  });

  it.each([
    ['a page that is not a CRM', STRANGER],
    ['a CRM sub-frame', { ...CONTENT, frameId: 2 }],
    ['another extension', { id: 'other', url: 'chrome-extension://other/popup.html' }],
  ])('an untrusted sender (%s) gets {ok:false}, even for notify', async (_label, sender) => {
    for (const message of [{ type: 'notify', customer: { email: 'a@example.com' } }, { type: 'setup:get' }]) {
      expect(await route(message, sender)).toEqual({ ok: false, error: expect.any(String) });
    }
    expect(notifier.notify).not.toHaveBeenCalled();
  });

  it.each([null, undefined, 42, 'setup:get', [], { type: 'nope' }, { type: 'setup:save' }, { type: 'setup:save', form: null }, { type: 'notify', customer: { email: 5 } }])(
    'garbage from the popup (%o) gets {ok:false, error} and does not throw',
    async (message) => {
      const reply = await route(message, POPUP);
      expect(reply).toEqual({ ok: false, error: expect.any(String) });
      await storageIsEmpty();
    },
  );

  it('a handler that throws still gets an answer', async () => {
    notifier.notify.mockRejectedValueOnce(new Error(`boom ${SECRET}`));
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const reply = await route({ type: 'notify', customer: { email: 'a@example.com' } }, POPUP);
    expect(reply).toEqual({ ok: false, error: expect.any(String) });
    expectNoSecretInReplies();
  });
});

describe('setup:save / setup:get', () => {
  it('every field invalid → one message per field, nothing saved', async () => {
    const reply = await route(
      {
        type: 'setup:save',
        form: {
          apiBase: 'http://example.com',
          clientId: 'c'.repeat(201),
          clientSecret: 's'.repeat(501),
          apiUser: '   ',
          apiPassword: 'p'.repeat(501),
          storeId: '12a',
          eventType: '',
          eventSubType: 'x'.repeat(101),
          remember: 'yes',
        },
      },
      POPUP,
    );
    expect(reply.ok).toBe(false);
    const fields = (reply as { fields: Record<string, string> }).fields;
    expect(fields.storeId).toBe('Store id must be a whole number');
    expect(fields.apiBase).toMatch(/https/);
    expect(fields.clientId).toMatch(/Client id is too long/);
    expect(fields.clientSecret).toMatch(/too long/);
    expect(fields.apiUser).toMatch(/API user is required/);
    expect(fields.apiPassword).toMatch(/too long/);
    expect(fields.eventType).toMatch(/required/);
    expect(fields.eventSubType).toMatch(/too long/);
    expect(fields.remember).toEqual(expect.any(String));
    await storageIsEmpty();
  });

  it.each(['http://example.com', 'ftp://api.rayapp.io', 'https://user:pw@api.rayapp.io', 'api.rayapp.io', 'http://localhost.evil.example'])(
    'refuses the api server %s and saves nothing',
    async (apiBase) => {
      const reply = await route({ type: 'setup:save', form: form({ apiBase }) }, POPUP);
      expect(reply).toMatchObject({ ok: false, fields: { apiBase: expect.any(String) } });
      await storageIsEmpty();
    },
  );

  it.each([
    ['http://localhost:8787', 'http://localhost:8787'],
    ['http://127.0.0.1:8787/', 'http://127.0.0.1:8787'],
    ['https://api.rayapp.io', 'https://api.rayapp.io'],
  ])('accepts the api server %s', async (apiBase, saved) => {
    const reply = await route({ type: 'setup:save', form: form({ apiBase }) }, POPUP);
    expect(reply).toMatchObject({ ok: true, setup: { apiBase: saved } });
    expect((await loadSettings())?.apiBase).toBe(saved);
  });

  // A store id the form accepts but the settings refuse must not half-save (credentials without settings).
  it.each(['0', '000'])('store id %s → a storeId message, and nothing saved', async (storeId) => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const reply = await route({ type: 'setup:save', form: form({ storeId }) }, POPUP);
    expect(reply).toMatchObject({ ok: false, fields: { storeId: expect.any(String) } });
    await storageIsEmpty();
  });

  it('a first save without secrets asks for them', async () => {
    const reply = await route({ type: 'setup:save', form: form({ clientSecret: '', apiPassword: '' }) }, POPUP);
    expect(reply).toMatchObject({ ok: false, fields: { clientSecret: expect.any(String), apiPassword: expect.any(String) } });
    await storageIsEmpty();
  });

  it.each([false, true])('a valid save (remember=%s), then setup:get: the view without any secret', async (remember) => {
    const saved = await route({ type: 'setup:save', form: form({ remember }) }, POPUP);
    expect(saved).toMatchObject({ ok: true });
    const reply = await route({ type: 'setup:get' }, POPUP);
    expect(reply).toEqual({
      ok: true,
      setup: {
        apiBase: 'http://localhost:8787',
        storeId: '1234',
        eventType: 'visit',
        eventSubType: 'crm',
        defaultCountry: '',
        sendWithoutPreview: false,
        remember,
        clientId: 'acme-client',
        apiUser: 'ventas@acme.example',
        hasClientSecret: true,
        hasApiPassword: true,
        configured: true,
        problem: undefined,
      },
    });
    expect(await loadSettings()).toMatchObject({ storeId: 1234, presets: [{ id: 'default', name: 'Default', type: 'visit', subType: 'crm' }], defaultPresetId: 'default', remember });
    expect(await loadCredentials()).toEqual({ clientId: 'acme-client', clientSecret: SECRET, apiUser: 'ventas@acme.example', apiPassword: PASSWORD });
    expectNoSecretInReplies();
  });

  it('saving again with empty secret fields keeps the saved secrets', async () => {
    await route({ type: 'setup:save', form: form() }, POPUP);
    const reply = await route({ type: 'setup:save', form: form({ clientSecret: '', apiPassword: '', storeId: '99' }) }, POPUP);
    expect(reply).toMatchObject({ ok: true, setup: { storeId: '99', hasClientSecret: true, hasApiPassword: true } });
    expect(await loadCredentials()).toMatchObject({ clientSecret: SECRET, apiPassword: PASSWORD });
    expectNoSecretInReplies();
  });

  it('a saved setup with a different client id does not silently reuse the old secret', async () => {
    await route({ type: 'setup:save', form: form() }, POPUP);
    const reply = await route({ type: 'setup:save', form: form({ clientId: 'someone-else', clientSecret: '', apiPassword: '' }) }, POPUP);
    expect(reply).toMatchObject({ ok: false, fields: { clientSecret: expect.any(String) } });
    expect(await loadCredentials()).toMatchObject({ clientId: 'acme-client' });
  });

  it('remembered credentials whose key was wiped (browser data cleared): setup:get says why, test says "setup"', async () => {
    await route({ type: 'setup:save', form: form({ remember: true }) }, POPUP);
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.deleteDatabase('rayapp-notifier');
      req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error);
    });
    forgetCachedKey(); // a restarted worker
    const reply = await route({ type: 'setup:get' }, POPUP);
    expect(reply).toMatchObject({
      ok: true,
      setup: { configured: false, hasClientSecret: false, hasApiPassword: false, problem: expect.stringMatching(/enter them again/) },
    });
    expect(await route({ type: 'connection:test' }, POPUP)).toEqual({ ok: false, part: 'setup', error: expect.stringMatching(/enter them again/) });
    expect(tokenFetch).not.toHaveBeenCalled();
    // Typing the secrets again fixes it.
    expect(await route({ type: 'setup:save', form: form({ remember: true }) }, POPUP)).toMatchObject({ ok: true, setup: { configured: true } });
    expectNoSecretInReplies();
  });

  it('setup:get before any save: not configured, nothing secret', async () => {
    expect(await route({ type: 'setup:get' }, POPUP)).toMatchObject({
      ok: true,
      setup: { configured: false, hasClientSecret: false, hasApiPassword: false, clientId: '' },
    });
  });
});

describe('connection:test', () => {
  beforeEach(async () => {
    await route({ type: 'setup:save', form: form() }, POPUP);
  });

  it('success → ok with the token lifetime in seconds', async () => {
    const reply = await route({ type: 'connection:test' }, POPUP);
    expect(reply).toEqual({ ok: true, expiresInSeconds: 3599 });
    expect(tokenFetch).toHaveBeenCalledTimes(1);
    expect(String(tokenFetch.mock.calls[0]![0])).toBe('http://localhost:8787/oauth/token');
    expectNoSecretInReplies();
  });

  it('always logs in afresh, even with a valid token stored', async () => {
    await route({ type: 'connection:test' }, POPUP);
    await route({ type: 'connection:test' }, POPUP);
    expect(tokenFetch).toHaveBeenCalledTimes(2);
  });

  it.each<[string, string, TokenReply]>([
    ['401 invalid_client', 'client', () => new Response(JSON.stringify({ error: 'invalid_client' }), { status: 401 })],
    ['400 invalid_grant', 'user', () => new Response(JSON.stringify({ error: 'invalid_grant', error_description: 'Bad credentials' }), { status: 400 })],
    [
      'fetch failure',
      'server',
      () => {
        throw new TypeError('Failed to fetch');
      },
    ],
    ['503', 'server', () => new Response('', { status: 503 })],
  ])('%s → part "%s"', async (_label, part, reply) => {
    tokenReply = reply;
    const result = await route({ type: 'connection:test' }, POPUP);
    expect(result).toEqual({ ok: false, part, error: expect.any(String) });
    expectNoSecretInReplies();
  });

  it('a successful setup:save resumes the outbox (what waited for a sign-in goes now); a refused one does not', async () => {
    expect(outbox.resume).toHaveBeenCalledTimes(1); // the save in beforeEach
    await route({ type: 'setup:save', form: form({ storeId: 'x' }) }, POPUP);
    expect(outbox.resume).toHaveBeenCalledTimes(1);
    await route({ type: 'setup:save', form: form({ clientSecret: '', apiPassword: '' }) }, POPUP);
    expect(outbox.resume).toHaveBeenCalledTimes(2);
  });

  it('a new setup:save drops the token logged in with the old setup', async () => {
    await route({ type: 'connection:test' }, POPUP);
    expect((await browser.storage.session.get('token')).token).toBeDefined();
    await route({ type: 'setup:save', form: form({ apiUser: 'other-user', apiPassword: 'other-password' }) }, POPUP);
    expect((await browser.storage.session.get('token')).token).toBeUndefined();
  });

  it('not set up → part "setup"', async () => {
    await browser.storage.session.clear();
    await browser.storage.local.clear();
    expect(await route({ type: 'connection:test' }, POPUP)).toEqual({ ok: false, part: 'setup', error: expect.any(String) });
    expect(tokenFetch).not.toHaveBeenCalled();
  });
});

describe('history messages', () => {
  const EMPTY = { entries: [], queued: 0, dead: 0, paused: undefined, tokenRenewsAt: undefined };

  it('history:get on an empty outbox', async () => {
    expect(await route({ type: 'history:get' }, POPUP)).toEqual({ ok: true, history: EMPTY });
  });

  it('history:get: the outbox entries newest first, the queued and dead counts, why it is paused, when the token renews', async () => {
    await store.putAll([item('a', 'sent', 1), item('b', 'queued', 2), item('c', 'dead', 3), item('d', 'queued', 4)]);
    await pause('RayApp refused the API user or API password: sign in again in the RayApp popup', T0);
    await route({ type: 'setup:save', form: form() }, POPUP);
    await route({ type: 'connection:test' }, POPUP);
    const reply = await route({ type: 'history:get' }, POPUP);
    expect(reply).toMatchObject({
      ok: true,
      history: {
        queued: 2,
        dead: 1,
        paused: expect.stringMatching(/sign in again/),
        tokenRenewsAt: T0 + 3_239_100,
      },
    });
    const entries = (reply as { history: { entries: OutboxItem[] } }).history.entries;
    expect(entries.map((e) => [e.id, e.status])).toEqual([
      ['d', 'queued'],
      ['c', 'dead'],
      ['b', 'queued'],
      ['a', 'sent'],
    ]);
    expectNoSecretInReplies();
  });

  it('history:get lists at most the 100 newest', async () => {
    await store.putAll(Array.from({ length: 130 }, (_, i) => item(`i${i}`, 'queued', i)));
    const reply = (await route({ type: 'history:get' }, POPUP)) as { history: { entries: OutboxItem[]; queued: number } };
    expect(reply.history.entries).toHaveLength(100);
    expect(reply.history.entries[0]!.id).toBe('i129');
    expect(reply.history.entries[99]!.id).toBe('i30');
    expect(reply.history.queued).toBe(130);
  });

  it('history:retry and history:resend reach the notifier (resend with the corrected customer)', async () => {
    expect(await route({ type: 'history:retry', id: 'id-1' }, POPUP)).toMatchObject({ ok: true, status: 'sent' });
    expect(notifier.retry).toHaveBeenLastCalledWith('id-1');
    const customer = { firstName: 'Ana', email: 'ana@example.org' };
    expect(await route({ type: 'history:resend', id: 'id-1', customer }, POPUP)).toMatchObject({ ok: true, status: 'sent' });
    expect(notifier.retry).toHaveBeenLastCalledWith('id-1', customer);
  });

  it('history:resend with a malformed customer is refused before the notifier', async () => {
    const reply = await route({ type: 'history:resend', id: 'id-1', customer: { email: 5 } }, POPUP);
    expect(reply).toEqual({ ok: false, error: expect.any(String) });
    expect(notifier.retry).not.toHaveBeenCalled();
  });

  it('history:discard drops a queued or dead item (and refreshes the badge), never a sent one', async () => {
    await store.putAll([item('q', 'queued', 1), item('x', 'dead', 2), item('s', 'sent', 3)]);
    for (const id of ['q', 'x', 's', 'unknown']) expect(await route({ type: 'history:discard', id }, POPUP)).toEqual({ ok: true });
    expect((await store.recent(10)).map((e) => e.id)).toEqual(['s']);
    expect(await store.counts()).toEqual({ queued: 0, dead: 0 });
    expect(onChange).toHaveBeenCalled();
  });

  it('history:clear forgets delivered items only: queued and dead ones stay', async () => {
    await store.putAll([item('s1', 'sent', 1), item('q', 'queued', 2), item('s2', 'sent', 3), item('x', 'dead', 4)]);
    expect(await route({ type: 'history:clear' }, POPUP)).toEqual({ ok: true });
    expect((await store.recent(10)).map((e) => e.id)).toEqual(['x', 'q']);
    expect(await readPause()).toBeNull();
  });
});

function item(id: string, status: OutboxItem['status'], n: number): OutboxItem {
  return {
    id,
    createdAt: T0 + n,
    status,
    attempts: status === 'queued' ? 0 : 1,
    nextAttemptAt: T0 + n,
    ...(status === 'dead' ? { lastError: 'Invalid event at index 0: user.email: must be a valid e-mail address' } : {}),
    ...(status === 'sent' ? { sentAt: T0 + n } : {}),
    event: {
      customProps: {},
      storeId: 1234,
      type: 'visit',
      subType: 'crm',
      source: 'OTHER',
      timestamp: new Date(T0 + n).toISOString(),
      user: { email: `${id}@example.com` },
    },
  };
}
