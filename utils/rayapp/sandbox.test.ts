// @vitest-environment node
// Round trips against the real RayApp sandbox over HTTP (node env: happy-dom's fetch enforces CORS).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CREDENTIALS as DEMO, startSandbox, type Sandbox } from '@/sandbox/server.mjs';
import { requestToken, type Credentials } from './token';
import { postInteractions } from './interactions';
import { RayAppError } from './errors';
import { buildInteraction } from '@/utils/interaction';

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
