import * as z from 'zod/mini';
import { storage } from 'wxt/utils/storage';
import { browser, type Browser } from 'wxt/browser';
import { requestToken, type Credentials } from '@/utils/rayapp/token';
import { RayAppError } from '@/utils/rayapp/errors';
import type { HttpOptions } from '@/utils/rayapp/http';
import { t } from '@/utils/i18n';

export const REFRESH_ALARM = 'rayapp-token-refresh';
/** Alarms fire no sooner than 30 s in a packed extension; refreshing earlier than that is pointless. */
const MIN_REFRESH_MS = 30_000;
/** A token this close to expiry is not worth sending: log in again instead. */
const EXPIRY_MARGIN_MS = 10_000;

const storedTokenSchema = z.object({
  /** `token_type + " " + access_token`, ready for the Authorization header. */
  authorization: z.string().check(z.minLength(3)),
  expiresAt: z.number(),
  refreshAt: z.number(),
});
export type StoredToken = z.infer<typeof storedTokenSchema>;

/** storage.session is memory-backed and, by default, closed to content scripts. */
const tokenItem = storage.defineItem<unknown>('session:token', { fallback: null });

export class NotSetUpError extends Error {
  constructor() {
    super(t('notSetUp'));
  }
}

export interface TokenSessionDeps {
  loadCredentials(): Promise<Credentials | null>;
  loadApiBase(): Promise<string | null>;
  now?: () => number;
  http?: HttpOptions;
}

export type TokenSession = ReturnType<typeof createTokenSession>;

export function createTokenSession(deps: TokenSessionDeps) {
  const now = deps.now ?? Date.now;
  let inflight: Promise<StoredToken> | undefined;
  // Only this worker writes the token, so a copy in memory saves a storage read per request;
  // `undefined` means "not read yet" (a fresh worker reads storage.session once).
  let memo: StoredToken | null | undefined;
  // Bumped by forget(): a login started before new credentials were saved must not store its token.
  let generation = 0;

  async function stored(): Promise<StoredToken | null> {
    if (memo !== undefined) return memo;
    const parsed = storedTokenSchema.safeParse(await tokenItem.getValue());
    memo = parsed.success ? parsed.data : null;
    return memo;
  }

  async function keep(token: StoredToken | null): Promise<void> {
    memo = token;
    if (token) await tokenItem.setValue(token);
    else await tokenItem.removeValue();
  }

  async function armAlarm(token: StoredToken): Promise<void> {
    await browser.alarms.create(REFRESH_ALARM, { when: Math.max(token.refreshAt, now() + 1_000) });
  }

  /** A fresh password-grant login; concurrent callers share one request. */
  function login(): Promise<StoredToken> {
    inflight ??= (async () => {
      const started = generation;
      const [credentials, apiBase] = await Promise.all([deps.loadCredentials(), deps.loadApiBase()]);
      if (!credentials || !apiBase) throw new NotSetUpError();
      const response = await requestToken(apiBase, credentials, deps.http);
      const ttl = response.expires_in * 1000;
      const issuedAt = now();
      const token: StoredToken = {
        authorization: `${response.token_type} ${response.access_token}`,
        expiresAt: issuedAt + ttl,
        refreshAt: issuedAt + Math.max(MIN_REFRESH_MS, ttl * 0.9),
      };
      if (started !== generation) return login(); // superseded: log in with what is saved now
      await keep(token);
      await armAlarm(token);
      return token;
    })();
    const current = inflight;
    void current.finally(() => {
      if (inflight === current) inflight = undefined;
    }).catch(() => undefined);
    return current;
  }

  /** A token good for the next request: the stored one, or a new login. */
  async function token(): Promise<StoredToken> {
    const current = await stored();
    if (current && current.expiresAt - now() > EXPIRY_MARGIN_MS) return current;
    return login();
  }

  async function forget(): Promise<void> {
    generation++;
    inflight = undefined;
    await keep(null);
    await browser.alarms.clear(REFRESH_ALARM);
  }

  return {
    login,
    token,
    forget,

    /** Run `call` with a valid Authorization; on 401, log in once more and retry once. */
    async authorised<T>(call: (authorization: string) => Promise<T>): Promise<T> {
      const first = await token();
      try {
        return await call(first.authorization);
      } catch (error) {
        if (!(error instanceof RayAppError) || error.kind !== 'unauthorized') throw error;
        if ((await stored())?.authorization === first.authorization) await keep(null);
        const second = await login();
        return call(second.authorization);
      }
    },

    /** On every worker start: re-arm the refresh alarm for the token kept in session storage. */
    async armRefresh(): Promise<void> {
      const current = await stored();
      if (current) await armAlarm(current);
    },

    async onAlarm(alarm: Browser.alarms.Alarm): Promise<void> {
      if (alarm.name !== REFRESH_ALARM) return;
      try {
        await login();
      } catch (error) {
        // Never log the error object itself: keep secrets out of logs; the kind is enough.
        console.warn('RayApp Notifier: scheduled re-login failed:', error instanceof RayAppError ? error.kind : 'not set up');
      }
    },

    /** The token kept now, if any (never logs in). */
    current: stored,

    /** Seconds the current token has left, or null without one. */
    async remainingSeconds(): Promise<number | null> {
      const current = await stored();
      return current ? Math.max(0, Math.round((current.expiresAt - now()) / 1000)) : null;
    },
  };
}
