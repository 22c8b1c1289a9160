import { describe, expect, it, vi } from 'vitest';
import { browser, type Browser } from 'wxt/browser';
import { createTokenSession, NotSetUpError, REFRESH_ALARM, type TokenSessionDeps } from './token-session';
import { RayAppError } from '@/utils/rayapp/errors';
import type { Credentials } from '@/utils/rayapp/token';

const BASE = 'https://api.example.test';
const CREDS: Credentials = { clientId: 'demo-client', clientSecret: 'demo-secret', apiUser: 'demo-user', apiPassword: 'demo-password' };
const T0 = Date.UTC(2024, 0, 2, 3, 4, 5);

/** A clock the test moves by hand. */
function clock(start = T0) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

/** A token endpoint that hands out tok-1, tok-2, … with the given expires_in. */
function tokenServer(expiresIn = 3599) {
  let n = 0;
  return vi.fn<typeof fetch>(async () => {
    n += 1;
    return new Response(JSON.stringify({ access_token: `tok-${n}`, token_type: 'bearer', expires_in: expiresIn }), { status: 200 });
  });
}

function setup(over: Partial<TokenSessionDeps> & { fetch?: typeof fetch } = {}) {
  const c = clock();
  const fetch = over.fetch ?? tokenServer();
  const session = createTokenSession({
    loadCredentials: async () => CREDS,
    loadApiBase: async () => BASE,
    now: c.now,
    http: { fetch },
    ...over,
  });
  return { session, fetch: fetch as ReturnType<typeof tokenServer>, clock: c };
}

const alarm = (name: string, scheduledTime: number) => ({ name, scheduledTime }) as Browser.alarms.Alarm;

const storedToken = async () => (await browser.storage.session.get('token')).token as unknown;

describe('token()', () => {
  it('logs in once and keeps {authorization, expiresAt, refreshAt} in storage.session under "token"', async () => {
    const { session, fetch } = setup();
    const token = await session.token();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(String(fetch.mock.calls[0]![0])).toBe(`${BASE}/oauth/token`);
    expect(token.authorization).toBe('bearer tok-1');
    expect(await storedToken()).toEqual({
      authorization: 'bearer tok-1',
      expiresAt: T0 + 3_599_000,
      refreshAt: T0 + 3_239_100,
    });
    // Not in storage.local: a content script could read that.
    expect(await browser.storage.local.get(null)).toEqual({});
  });

  it('reuses the stored token while it is valid (no second login)', async () => {
    const { session, fetch, clock } = setup();
    await session.token();
    clock.advance(30 * 60_000);
    const again = await session.token();
    expect(again.authorization).toBe('bearer tok-1');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('a token stored by a previous worker is reused by a new session instance', async () => {
    const first = setup();
    await first.session.token();
    const second = setup();
    expect((await second.session.token()).authorization).toBe('bearer tok-1');
    expect(second.fetch).not.toHaveBeenCalled();
  });

  it('logs in again once the token has expired', async () => {
    const { session, fetch, clock } = setup();
    await session.token();
    clock.advance(3_600_000);
    const fresh = await session.token();
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(fresh.authorization).toBe('bearer tok-2');
    expect(await storedToken()).toMatchObject({ authorization: 'bearer tok-2', expiresAt: T0 + 3_600_000 + 3_599_000 });
  });

  it('10 concurrent calls with no token share exactly one login', async () => {
    const { session, fetch } = setup();
    const tokens = await Promise.all(Array.from({ length: 10 }, () => session.token()));
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(new Set(tokens.map((t) => t.authorization))).toEqual(new Set(['bearer tok-1']));
  });

  it('missing credentials → NotSetUpError, nothing fetched', async () => {
    const { session, fetch } = setup({ loadCredentials: async () => null });
    await expect(session.token()).rejects.toBeInstanceOf(NotSetUpError);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('missing api base → NotSetUpError', async () => {
    const { session } = setup({ loadApiBase: async () => null });
    await expect(session.token()).rejects.toBeInstanceOf(NotSetUpError);
  });

  it('a failed login stores nothing and a later call tries again', async () => {
    let fail = true;
    const fetchMock = vi.fn<typeof fetch>(async () =>
      fail
        ? new Response('', { status: 503 })
        : new Response(JSON.stringify({ access_token: 'ok', token_type: 'bearer', expires_in: 3599 }), { status: 200 }),
    );
    const { session } = setup({ fetch: fetchMock });
    await expect(session.token()).rejects.toMatchObject({ kind: 'server' });
    expect(await storedToken()).toBeUndefined();
    fail = false;
    expect((await session.token()).authorization).toBe('bearer ok');
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['authorization is a number', { authorization: 5, expiresAt: T0 + 3_600_000, refreshAt: T0 + 3_000_000 }],
    ['a string', 'bearer tok-old'],
    ['expiresAt missing', { authorization: 'bearer tok-old', refreshAt: T0 + 3_000_000 }],
  ])('a malformed stored token (%s) is ignored: new login, no crash', async (_label, bad) => {
    await browser.storage.session.set({ token: bad });
    const { session, fetch } = setup();
    const token = await session.token();
    expect(token.authorization).toBe('bearer tok-1');
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(await storedToken()).toMatchObject({ authorization: 'bearer tok-1' });
  });
});

describe('refresh alarm', () => {
  it(`is armed at 90% of expires_in (3599 s → 3239.1 s after login)`, async () => {
    const { session } = setup();
    await session.token();
    const alarm = await browser.alarms.get(REFRESH_ALARM);
    expect(alarm?.scheduledTime).toBe(T0 + 3_239_100);
  });

  it('is never armed under 30 s (expires_in 20 → 30 s)', async () => {
    const { session } = setup({ fetch: tokenServer(20) });
    await session.token();
    const alarm = await browser.alarms.get(REFRESH_ALARM);
    expect(alarm?.scheduledTime).toBe(T0 + 30_000);
  });

  it('armRefresh() on a restarted worker re-creates the alarm from the stored token', async () => {
    const { session } = setup();
    await session.token();
    await browser.alarms.clearAll(); // the browser dropped the alarm; the session storage survived
    const restarted = setup();
    await restarted.session.armRefresh();
    const alarm = await browser.alarms.get(REFRESH_ALARM);
    expect(alarm?.scheduledTime).toBe(T0 + 3_239_100);
    expect(restarted.fetch).not.toHaveBeenCalled();
  });

  it('armRefresh() with no stored token arms nothing and logs nobody in', async () => {
    const { session, fetch } = setup();
    await session.armRefresh();
    expect(await browser.alarms.get(REFRESH_ALARM)).toBeUndefined();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('onAlarm for the refresh alarm logs in again and replaces the stored token (and re-arms)', async () => {
    const { session, fetch, clock } = setup();
    await session.token();
    clock.advance(3_239_100);
    await session.onAlarm(alarm(REFRESH_ALARM, clock.now()));
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(await storedToken()).toEqual({
      authorization: 'bearer tok-2',
      expiresAt: clock.now() + 3_599_000,
      refreshAt: clock.now() + 3_239_100,
    });
    expect((await browser.alarms.get(REFRESH_ALARM))?.scheduledTime).toBe(clock.now() + 3_239_100);
  });

  it('onAlarm ignores other alarms', async () => {
    const { session, fetch } = setup();
    await session.onAlarm(alarm('something-else', T0));
    expect(fetch).not.toHaveBeenCalled();
  });

  it('a failing scheduled re-login does not throw and logs no secret', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const fetchMock = vi.fn<typeof fetch>(async () => new Response(JSON.stringify({ error: 'invalid_grant' }), { status: 400 }));
    const { session } = setup({ fetch: fetchMock });
    await expect(session.onAlarm(alarm(REFRESH_ALARM, T0))).resolves.toBeUndefined();
    const logged = JSON.stringify(warn.mock.calls);
    for (const secret of [CREDS.clientSecret, CREDS.apiPassword]) expect(logged).not.toContain(secret);
    warn.mockRestore();
  });
});

describe('authorised(call)', () => {
  const unauthorized = () => new RayAppError('unauthorized', 'RayApp refused the session token', 401);

  it('passes the stored Authorization to the call', async () => {
    const { session } = setup();
    const call = vi.fn(async (authorization: string) => `done with ${authorization}`);
    await expect(session.authorised(call)).resolves.toBe('done with bearer tok-1');
    expect(call).toHaveBeenCalledTimes(1);
  });

  it('on one 401: exactly one more login and exactly one retry with the new token', async () => {
    const { session, fetch } = setup();
    await session.token();
    const call = vi
      .fn<(authorization: string) => Promise<string>>()
      .mockRejectedValueOnce(unauthorized())
      .mockResolvedValueOnce('ok');
    await expect(session.authorised(call)).resolves.toBe('ok');
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(call.mock.calls.map(([a]) => a)).toEqual(['bearer tok-1', 'bearer tok-2']);
    expect(await storedToken()).toMatchObject({ authorization: 'bearer tok-2' });
  });

  it('a second 401 is thrown, not retried again (no loop)', async () => {
    const { session, fetch } = setup();
    const call = vi.fn<(authorization: string) => Promise<string>>(async () => {
      throw unauthorized();
    });
    await expect(session.authorised(call)).rejects.toMatchObject({ kind: 'unauthorized' });
    expect(call).toHaveBeenCalledTimes(2);
    expect(fetch).toHaveBeenCalledTimes(2); // the first login, plus one fresh one
  });

  it('other errors are thrown at once: no re-login, no retry', async () => {
    const { session, fetch } = setup();
    const call = vi.fn<(authorization: string) => Promise<string>>(async () => {
      throw new RayAppError('server', 'down', 503);
    });
    await expect(session.authorised(call)).rejects.toMatchObject({ kind: 'server' });
    expect(call).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

describe('forget() / remainingSeconds()', () => {
  it('forget drops the token and the alarm; the next token() logs in again', async () => {
    const { session, fetch } = setup();
    await session.token();
    await session.forget();
    expect(await storedToken()).toBeUndefined();
    expect(await browser.alarms.get(REFRESH_ALARM)).toBeUndefined();
    expect(await session.remainingSeconds()).toBeNull();
    await session.token();
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('remainingSeconds counts down with the clock', async () => {
    const { session, clock } = setup();
    await session.token();
    expect(await session.remainingSeconds()).toBe(3599);
    clock.advance(599_000);
    expect(await session.remainingSeconds()).toBe(3000);
  });
});

describe('forget() while a login is in flight', () => {
  // The router calls forget() on every setup:save: a login made with the previous credentials that
  // answers afterwards must not be stored; the caller gets a login with what is saved now.
  it('a login started before forget() does not store its token; its caller gets a fresh login', async () => {
    let answer!: (r: Response) => void;
    const fetchMock = vi.fn<typeof fetch>(() => new Promise<Response>((resolve) => (answer = resolve)));
    const { session } = setup({ fetch: fetchMock });
    const pending = session.token();
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1));
    await session.forget(); // e.g. the user saved other credentials in the popup meanwhile
    answer(new Response(JSON.stringify({ access_token: 'old-account', token_type: 'bearer', expires_in: 3599 }), { status: 200 }));
    await vi.waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(2));
    expect(await storedToken()).toBeUndefined();
    expect(await browser.alarms.get(REFRESH_ALARM)).toBeUndefined();
    answer(new Response(JSON.stringify({ access_token: 'new-account', token_type: 'bearer', expires_in: 3599 }), { status: 200 }));
    expect((await pending).authorization).toBe('bearer new-account');
    expect((await session.token()).authorization).toBe('bearer new-account');
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });
});
