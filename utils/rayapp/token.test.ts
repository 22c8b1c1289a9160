import { describe, expect, it, vi } from 'vitest';
import { requestToken, type Credentials } from './token';
import { RayAppError } from './errors';
import { failure } from '@/tests/unit/rayapp-failure';

const BASE = 'https://api.example.test';
const DEMO: Credentials = { clientId: 'demo-client', clientSecret: 'demo-secret', apiUser: 'demo-user', apiPassword: 'demo-password' };
const TOKEN_BODY = { access_token: 'abc.def', token_type: 'bearer', expires_in: 3599, scope: 'read write', jti: 'j1' };

const json = (status: number, body: unknown) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** A fetch that answers every call with `reply()` and records what it was sent. */
function fakeFetch(reply: () => Response | Promise<Response> = () => json(200, TOKEN_BODY)) {
  return vi.fn<typeof fetch>(async () => reply());
}

function sent(fetchMock: ReturnType<typeof fakeFetch>, call = 0) {
  const [url, init] = fetchMock.mock.calls[call]!;
  return { url: String(url), method: init?.method, headers: new Headers(init?.headers), body: init?.body as string };
}

/** base64 → bytes → UTF-8, independent of the code under test. */
function decodeBasic(header: string | null): string {
  expect(header).toMatch(/^Basic [A-Za-z0-9+/]+={0,2}$/);
  const bytes = Uint8Array.from(atob(header!.slice('Basic '.length)), (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}


describe('requestToken: the request', () => {
  it('POSTs to {base}/oauth/token with Basic auth, form content type and the password-grant body', async () => {
    const fetchMock = fakeFetch();
    await requestToken(BASE, DEMO, { fetch: fetchMock });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const req = sent(fetchMock);
    expect(req.url).toBe('https://api.example.test/oauth/token');
    expect(req.method).toBe('POST');
    expect(decodeBasic(req.headers.get('Authorization'))).toBe('demo-client:demo-secret');
    expect(req.headers.get('Authorization')).toBe(`Basic ${btoa('demo-client:demo-secret')}`);
    expect(req.headers.get('Content-Type')).toBe('application/x-www-form-urlencoded');
    expect(req.body).toBe('grant_type=password&username=demo-user&password=demo-password');
  });

  it('encodes a non-ASCII client secret as UTF-8 bytes in the Basic header', async () => {
    const fetchMock = fakeFetch();
    await requestToken(BASE, { ...DEMO, clientId: 'cliënt', clientSecret: 'sécret:ñ' }, { fetch: fetchMock });
    // The first colon separates id and secret; the secret's own colon survives.
    expect(decodeBasic(sent(fetchMock).headers.get('Authorization'))).toBe('cliënt:sécret:ñ');
  });

  it('form-encodes a password full of & = + % : spaces and non-ASCII so it decodes back exactly', async () => {
    const apiUser = 'ana+crm@example.com';
    const apiPassword = 'p&ss=w+rd%20: 100% sûr ñ €&password=hijack';
    const fetchMock = fakeFetch();
    await requestToken(BASE, { ...DEMO, apiUser, apiPassword }, { fetch: fetchMock });
    const { body } = sent(fetchMock);

    const form = new URLSearchParams(body);
    expect([...form.keys()]).toEqual(['grant_type', 'username', 'password']);
    expect(form.get('grant_type')).toBe('password');
    expect(form.get('username')).toBe(apiUser);
    expect(form.get('password')).toBe(apiPassword);

    // Raw bytes: exactly three pairs, no unescaped & or = inside a value, ASCII only.
    const pairs = body.split('&');
    expect(pairs).toHaveLength(3);
    for (const pair of pairs) expect(pair.split('=')).toHaveLength(2);
    expect(body).toMatch(/^[\x21-\x7e]*$/);
    expect(body.startsWith('grant_type=password&username=')).toBe(true);
  });
});

describe('requestToken: the reply', () => {
  it('returns the token fields on 200', async () => {
    const token = await requestToken(BASE, DEMO, { fetch: fakeFetch() });
    expect(token).toMatchObject({ access_token: 'abc.def', token_type: 'bearer', expires_in: 3599 });
  });

  it('401 (bad client id/secret) → kind "client", not retryable', async () => {
    const error = await failure(
      requestToken(BASE, DEMO, { fetch: fakeFetch(() => json(401, { error: 'invalid_client', error_description: 'Bad client credentials' })) }),
    );
    expect(error.kind).toBe('client');
    expect(error.status).toBe(401);
    expect(error.retryable).toBe(false);
  });

  it('401 with an empty body is still "client"', async () => {
    const error = await failure(requestToken(BASE, DEMO, { fetch: fakeFetch(() => new Response('', { status: 401 })) }));
    expect(error.kind).toBe('client');
  });

  it('400 {"error":"invalid_grant"} (bad API user/password) → kind "user", not retryable', async () => {
    const error = await failure(
      requestToken(BASE, DEMO, { fetch: fakeFetch(() => json(400, { error: 'invalid_grant', error_description: 'Bad credentials' })) }),
    );
    expect(error.kind).toBe('user');
    expect(error.retryable).toBe(false);
  });

  it('503 → kind "server", retryable', async () => {
    const error = await failure(requestToken(BASE, DEMO, { fetch: fakeFetch(() => json(503, { message: 'down' })) }));
    expect(error.kind).toBe('server');
    expect(error.status).toBe(503);
    expect(error.retryable).toBe(true);
  });

  it.each([
    ['not JSON', 'Welcome to nginx'],
    ['no access_token', { token_type: 'bearer', expires_in: 3599 }],
    ['expires_in as a string', { access_token: 'a', token_type: 'bearer', expires_in: '3599' }],
    ['empty body', ''],
  ])('200 with a malformed body (%s) → kind "bad-response"', async (_label, body) => {
    const error = await failure(
      requestToken(BASE, DEMO, { fetch: fakeFetch(() => (body === '' ? new Response('', { status: 200 }) : json(200, body))) }),
    );
    expect(error.kind).toBe('bad-response');
  });

  it('fetch rejecting (network down, CORS, DNS) → kind "unreachable", retryable', async () => {
    const fetchMock = vi.fn<typeof fetch>(async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = await failure(requestToken(BASE, DEMO, { fetch: fetchMock }));
    expect(error.kind).toBe('unreachable');
    expect(error.retryable).toBe(true);
  });

  it('a server that never answers → kind "timeout" after timeoutMs, retryable', async () => {
    let signal: AbortSignal | undefined;
    const fetchMock = vi.fn<typeof fetch>(
      (_url, init) =>
        new Promise<Response>((_resolve, reject) => {
          signal = init?.signal ?? undefined;
          signal?.addEventListener('abort', () => reject(signal!.reason));
        }),
    );
    const started = Date.now();
    const error = await failure(requestToken(BASE, DEMO, { fetch: fetchMock, timeoutMs: 20 }));
    expect(signal).toBeDefined();
    expect(signal!.aborted).toBe(true);
    expect(error.kind).toBe('timeout');
    expect(error.retryable).toBe(true);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('no error message (nor its status/kind) ever contains the secret, password, or their encodings', async () => {
    const creds: Credentials = { clientId: 'id-123', clientSecret: 'S3cr3t-Válue', apiUser: 'someone', apiPassword: 'P@ss w0rd&=' };
    const forbidden = [
      creds.clientSecret,
      creds.apiPassword,
      encodeURIComponent(creds.apiPassword),
      new URLSearchParams({ p: creds.apiPassword }).toString().slice(2),
      btoa(String.fromCharCode(...new TextEncoder().encode(`${creds.clientId}:${creds.clientSecret}`))),
    ];
    const replies: (() => Response | Promise<Response>)[] = [
      () => json(401, { error: 'invalid_client' }),
      () => json(400, { error: 'invalid_grant', error_description: `bad password ${creds.apiPassword}` }),
      () => json(400, { error: 'invalid_request' }),
      () => json(503, {}),
      () => json(200, 'nope'),
      () => Promise.reject(new TypeError(`failed ${creds.clientSecret}`)),
    ];
    for (const reply of replies) {
      const error = await failure(requestToken(BASE, creds, { fetch: fakeFetch(reply) }));
      const text = `${error.message} ${String(error)} ${JSON.stringify(error)}`;
      for (const secret of forbidden) expect(text).not.toContain(secret);
    }
  });
});
