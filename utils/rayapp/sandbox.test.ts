// @vitest-environment node
// Round trips against the real RayApp sandbox over HTTP (node env: happy-dom's fetch enforces CORS).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { readHistory } from '@/utils/history';

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
  it('notify sends one event; after the tokens are revoked the next notify logs in once more and is sent', async () => {
    sb.reset();
    await saveSettings({ apiBase: sb.url, storeId: DEMO.storeId, preset: { type: 'visit', subType: 'crm', customProps: {} }, remember: false });
    await saveCredentials(creds({ apiUser: ODD_USER, apiPassword: ODD_PASSWORD }), false);
    expect(await browser.storage.session.get('credentials')).toHaveProperty('credentials.apiUser', ODD_USER);

    const session = createTokenSession({ loadCredentials, loadApiBase: async () => (await loadSettings())?.apiBase ?? null });
    const notifier = createNotifier(session, () => Date.UTC(2024, 0, 2, 3, 4, 5));
    expect(await notifier.notify({ fullName: 'Ana García', email: 'ANA@example.com' })).toMatchObject({ ok: true, status: 'sent' });
    expect(sb.events.map((e) => e.event.user)).toEqual([{ email: 'ana@example.com', name: 'Ana', lastName: 'García' }]);
    expect(sb.events[0]!.event.timestamp).toBe('2024-01-02T03:04:05.000Z');

    sb.revokeTokens();
    expect(await notifier.notify({ email: 'bob@example.com' })).toMatchObject({ ok: true, status: 'sent' });
    expect(sb.logins).toBe(2);
    expect(sb.events).toHaveLength(2);
    expect((await readHistory()).map((e) => e.status)).toEqual(['sent', 'sent']);
  });
});
