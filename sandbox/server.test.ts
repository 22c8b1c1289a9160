// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest';
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import https from 'node:https';
import { DEMO_CREDENTIALS as DEMO, startSandbox, type Sandbox, type SandboxOptions } from './server.mjs';

let sb: Sandbox;
afterEach(async () => {
  await sb?.close();
});
async function start(options?: SandboxOptions) {
  sb = await startSandbox(options);
  return sb;
}

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`, 'utf8').toString('base64')}`;
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

function login(
  username: string = DEMO.apiUser,
  password: string = DEMO.apiPassword,
  auth = basic(DEMO.clientId, DEMO.clientSecret),
) {
  const body = new URLSearchParams({ grant_type: 'password', username, password }).toString();
  return fetch(`${sb.url}/oauth/token`, { method: 'POST', headers: { Authorization: auth, ...FORM }, body });
}
async function token() {
  const res = await login();
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}
const event = (over: Record<string, unknown> = {}, user: Record<string, unknown> = {}) => ({
  customProps: { page: 'crm' },
  storeId: DEMO.storeId,
  type: 'visit',
  subType: 'crm',
  source: 'OTHER',
  timestamp: '2020-08-05T18:38:13.343Z',
  user: { email: 'ana@example.com', phone: '+5491155550000', name: 'Ana', lastName: 'García', ...user },
  ...over,
});
function post(tok: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${sb.url}/events/interaction`, {
    method: 'POST',
    headers: { Authorization: `bearer ${tok}`, 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('login', () => {
  it('grants a bearer token and accepts events with it', async () => {
    await start();
    const res = await login();
    expect(res.status).toBe(200);
    const t = await res.json();
    expect(t).toMatchObject({ token_type: 'bearer', expires_in: 3599, scope: 'read write' });
    expect(t.access_token).toEqual(expect.any(String));
    expect(t.jti).toEqual(expect.any(String));
    const before = performance.timeOrigin + performance.now();
    const ok = await post(t.access_token, [event()]);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('{"message":"Interactions registered","result":"success","statusCode":200}');
    expect(sb.events).toHaveLength(1);
    expect(sb.events[0]).toMatchObject({ event: event(), token: t.access_token });
    expect(sb.events[0]!.receivedAt).toBeGreaterThanOrEqual(before);
    expect(sb.logins).toBe(1);
  });

  it('refuses a bad or missing client with 401 invalid_client', async () => {
    await start();
    const bad = await login(undefined, undefined, basic(DEMO.clientId, 'nope'));
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ error: 'invalid_client', error_description: 'Bad client credentials' });
    const none = await fetch(`${sb.url}/oauth/token`, { method: 'POST', headers: FORM, body: 'grant_type=password' });
    expect(none.status).toBe(401);
    expect(sb.failedLogins).toBe(2);
  });

  it('refuses a bad password with 400 invalid_grant', async () => {
    await start();
    const res = await login(DEMO.apiUser, 'wrong');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'invalid_grant', error_description: 'Bad credentials' });
    expect(sb.logins).toBe(0);
  });

  it('requires a form body with grant_type=password', async () => {
    await start();
    const auth = basic(DEMO.clientId, DEMO.clientSecret);
    const json = await fetch(`${sb.url}/oauth/token`, {
      method: 'POST',
      headers: { Authorization: auth, 'Content-Type': 'application/json' },
      body: JSON.stringify({ grant_type: 'password', username: DEMO.apiUser, password: DEMO.apiPassword }),
    });
    expect(json.status).toBe(400);
    expect((await json.json()).error).toBe('invalid_request');
    const grant = await fetch(`${sb.url}/oauth/token`, { method: 'POST', headers: { Authorization: auth, ...FORM }, body: 'grant_type=client_credentials' });
    expect(grant.status).toBe(400);
    expect((await grant.json()).error).toBe('unsupported_grant_type');
  });

  it('takes passwords with & = + % : spaces and ñ only when form-encoded', async () => {
    const password = 'a&b=c+d%20e:f g ñ';
    await start({ users: [{ username: 'ana maría', password }] });
    expect((await login('ana maría', password)).status).toBe(200);
    const raw = await fetch(`${sb.url}/oauth/token`, {
      method: 'POST',
      headers: { Authorization: basic(DEMO.clientId, DEMO.clientSecret), ...FORM },
      body: `grant_type=password&username=ana maría&password=${password}`,
    });
    expect(raw.status).toBe(400);
    expect((await raw.json()).error).toBe('invalid_grant');
  });

  it('decodes the Basic header as UTF-8 and splits at the first colon', async () => {
    await start({ clients: [{ id: 'clïent', secret: 'sëcret:with:colons' }] });
    expect((await login(undefined, undefined, basic('clïent', 'sëcret:with:colons'))).status).toBe(200);
    const latin1 = `Basic ${Buffer.from('clïent:sëcret:with:colons', 'latin1').toString('base64')}`;
    expect((await login(undefined, undefined, latin1)).status).toBe(401);
  });
});

describe('tokens', () => {
  it('expire after expires_in seconds', async () => {
    let clock = 1_000_000;
    await start({ now: () => clock, tokenTtlSeconds: 60 });
    const t = await token();
    clock += 59_000;
    expect((await post(t, [event()])).status).toBe(200);
    clock += 1_000;
    const res = await post(t, [event()]);
    expect(res.status).toBe(401);
    expect((await res.json()).error).toBe('invalid_token');
    expect(sb.events).toHaveLength(1);
  });

  it('stop working when revoked; a fresh login works again', async () => {
    await start();
    const t = await token();
    sb.revokeTokens();
    expect((await post(t, [event()])).status).toBe(401);
    expect((await post(await token(), [event()])).status).toBe(200);
  });

  it('accept the scheme in any case but need exactly "<scheme> <token>"', async () => {
    await start();
    const t = await token();
    expect((await post(t, [event()], { Authorization: `Bearer ${t}` })).status).toBe(200);
    expect((await post(t, [event()], { Authorization: `bearer  ${t}` })).status).toBe(401);
    expect((await post(t, [event()], { Authorization: t })).status).toBe(401);
  });
});

describe('event validation', () => {
  const cases: Array<[string, unknown, string]> = [
    ['bad source', [event({ source: 'WEB' })], 'source'],
    ['missing email and phone', [event({}, { email: undefined, phone: undefined })], 'user.email'],
    ['bad phone', [event({}, { phone: '011 5555-0000' })], 'user.phone'],
    ['bad email', [event({}, { email: 'ana@' })], 'user.email'],
    ['unknown top-level key', [event({ extra: 1 })], 'extra'],
    ['unknown user key', [event({}, { nickname: 'an' })], 'user.nickname'],
    ['unknown store', [event({ storeId: 999 })], 'storeId'],
    ['storeId as string', [event({ storeId: '1234' })], 'storeId'],
    ['missing type', [event({ type: '' })], 'type'],
    ['bad timestamp', [event({ timestamp: '05/08/2020' })], 'timestamp'],
    ['impossible date', [event({ timestamp: '2020-02-30T10:00:00Z' })], 'timestamp'],
    ['customProps not an object', [event({ customProps: [1] })], 'customProps'],
    ['bad gender', [event({}, { gender: 'X' })], 'user.gender'],
    ['bad country', [event({}, { country: 'ar' })], 'user.country'],
    ['date-only birthDate', [event({}, { birthDate: '1990-04-01' })], 'user.birthDate'],
    ['non-http profile', [event({}, { linkedInProfile: 'javascript:alert(1)' })], 'user.linkedInProfile'],
    ['non-array body', event(), 'array'],
    ['empty array', [], 'at least one event'],
  ];
  it.each(cases)('%s → 400 naming the field, nothing recorded', async (_, body, field) => {
    await start();
    const res = await post(await token(), body);
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json).toMatchObject({ result: 'error', statusCode: 400 });
    expect(json.message).toContain(field);
    expect(sb.events).toHaveLength(0);
  });

  it('accepts a full user with all optional fields', async () => {
    await start();
    const full = event({}, {
      gender: 'F', birthDate: '1990-04-01T00:00-03:00', country: 'AR', googleProfile: 'https://g.co/ana',
      instagramProfile: 'https://instagram.com/ana', linkedInProfile: 'http://linkedin.com/in/ana',
      facebookProfile: 'https://fb.com/ana', twitterProfile: 'https://x.com/ana',
    });
    expect((await post(await token(), [full, event({ customProps: undefined }, { email: undefined })])).status).toBe(200);
    expect(sb.events).toHaveLength(2);
  });

  it('refuses a whole batch with one bad event, naming its index', async () => {
    await start();
    const res = await post(await token(), [event(), event({}, { phone: '12' }), event()]);
    expect(res.status).toBe(400);
    expect((await res.json()).message).toMatch(/index 1.*user\.phone/);
    expect(sb.events).toHaveLength(0);
  });

  it('answers malformed JSON with 400 and a wrong Content-Type with 415', async () => {
    await start();
    const t = await token();
    const bad = await post(t, '[{"storeId":');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ result: 'error', statusCode: 400, message: expect.stringContaining('JSON') });
    expect((await post(t, [event()], { 'Content-Type': 'text/plain' })).status).toBe(415);
  });
});

describe('faults', () => {
  it('answers with a status, body and Retry-After, without recording; then recovers', async () => {
    await start();
    const t = await token();
    sb.fault({ path: '/events/interaction', status: 503, body: '{"message":"down"}', headers: { 'Retry-After': '2' } });
    const res = await post(t, [event()]);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(await res.text()).toBe('{"message":"down"}');
    expect(sb.events).toHaveLength(0);
    expect((await post(t, [event()])).status).toBe(200);
    expect(sb.requests.map((r) => r.path)).toEqual(['/oauth/token', '/events/interaction', '/events/interaction']);
  });

  it('applies only to its path, `times` times, in order', async () => {
    await start();
    sb.fault({ path: '/events/interaction', status: 500, times: 2 });
    sb.fault({ status: 429 });
    expect((await login()).status).toBe(429); // a path-less fault matches the first request of any path
    const t = await token();
    expect((await post(t, [event()])).status).toBe(500);
    expect((await post(t, [event()])).status).toBe(500);
    expect((await post(t, [event()])).status).toBe(200);
    expect(sb.events).toHaveLength(1);
  });

  it('can send a malformed body while processing normally', async () => {
    await start();
    const t = await token();
    sb.fault({ body: '{"message":"Interac' });
    const res = await post(t, [event()]);
    expect(res.status).toBe(200);
    await expect(res.json()).rejects.toThrow();
    expect(sb.events).toHaveLength(1);
  });

  it('drop resets the connection, hang never answers, delay answers late', async () => {
    await start();
    const t = await token();
    sb.fault({ drop: true });
    await expect(post(t, [event()])).rejects.toThrow();
    sb.fault({ hang: true });
    const hung = fetch(`${sb.url}/events/interaction`, {
      method: 'POST', signal: AbortSignal.timeout(200),
      headers: { Authorization: `bearer ${t}`, 'Content-Type': 'application/json' }, body: JSON.stringify([event()]),
    });
    await expect(hung).rejects.toThrow(/abort|timeout/i);
    sb.fault({ delayMs: 150 });
    const started = performance.now();
    expect((await post(t, [event()])).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    expect(sb.events).toHaveLength(1);
  });

  it('close() ends promptly with a hanging request open', async () => {
    await start();
    sb.fault({ hang: true });
    const hung = login().catch((e: Error) => e);
    await new Promise((r) => setTimeout(r, 50));
    const started = performance.now();
    await sb.close();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await hung).toBeInstanceOf(Error);
  });
});

describe('HTTP surface', () => {
  it('answers CORS preflights and adds CORS headers', async () => {
    await start();
    const pre = await fetch(`${sb.url}/events/interaction`, {
      method: 'OPTIONS',
      headers: { Origin: 'chrome-extension://abc', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization,content-type' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/Authorization.*Content-Type/);
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
    expect((await login()).headers.get('access-control-allow-origin')).toBe('*');
    expect(sb.requests).toHaveLength(1);
  });

  it('answers unknown routes with 404 JSON', async () => {
    await start();
    const res = await fetch(`${sb.url}/events`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ result: 'error', statusCode: 404 });
  });

  it('exposes state, faults and reset over HTTP, without tokens', async () => {
    await start();
    const t = await token();
    await post(t, [event()]);
    const state = await (await fetch(`${sb.url}/__sandbox/state`)).text();
    expect(JSON.parse(state)).toMatchObject({ logins: 1, failedLogins: 0, events: [{ event: event() }] });
    expect(state).not.toContain(t);
    const f = await fetch(`${sb.url}/__sandbox/fault`, { method: 'POST', body: JSON.stringify({ path: '/oauth/token', status: 502 }) });
    expect(f.status).toBe(200);
    expect((await login()).status).toBe(502);
    expect((await fetch(`${sb.url}/__sandbox/reset`, { method: 'POST' })).status).toBe(200);
    expect(sb.events).toHaveLength(0);
    expect(sb.logins).toBe(0);
    expect((await post(t, [event()])).status).toBe(401);
  });

  it('logs one line per request and no secrets', async () => {
    const lines: string[] = [];
    await start({ log: (l) => lines.push(l) });
    const t = await token();
    await post(t, [event(), event()]);
    await post(t, [event()]);
    await login(DEMO.apiUser, 'wrong-password');
    expect(lines).toEqual([
      'POST /oauth/token 200 (token granted)',
      'POST /events/interaction 200 (2 events)',
      'POST /events/interaction 200 (1 event)',
      'POST /oauth/token 400 (invalid_grant)',
    ]);
    const all = lines.join('\n');
    for (const secret of [t, DEMO.clientSecret, DEMO.apiPassword, 'wrong-password']) expect(all).not.toContain(secret);
  });

  it('waitForEvents resolves once enough events arrive, and times out otherwise', async () => {
    await start();
    const t = await token();
    const waiting = sb.waitForEvents(2);
    await post(t, [event()]);
    await post(t, [event()]);
    expect(await waiting).toHaveLength(2);
    await expect(sb.waitForEvents(3, 50)).rejects.toThrow(/2\/3/);
  });

  it('serves https with a given certificate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rayapp-sandbox-'));
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'k'), '-out', join(dir, 'c'),
        '-days', '1', '-subj', '/CN=api.rayapp.io', '-addext', 'subjectAltName=DNS:api.rayapp.io'], { stdio: 'ignore' });
      const key = readFileSync(join(dir, 'k'));
      const cert = readFileSync(join(dir, 'c'));
      await start({ tls: { key, cert } });
      expect(sb.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const body = new URLSearchParams({ grant_type: 'password', username: DEMO.apiUser, password: DEMO.apiPassword }).toString();
      const { status, text } = await new Promise<{ status: number; text: string }>((resolve, reject) => {
        const req = https.request(`${sb.url}/oauth/token`, {
          method: 'POST', ca: cert, servername: 'api.rayapp.io',
          headers: { Authorization: basic(DEMO.clientId, DEMO.clientSecret), ...FORM },
        }, (res) => {
          let text = '';
          res.setEncoding('utf8').on('data', (c: string) => (text += c)).on('end', () => resolve({ status: res.statusCode!, text }));
        });
        req.on('error', reject).end(body);
      });
      expect(status).toBe(200);
      expect(JSON.parse(text).token_type).toBe('bearer');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('runs as a CLI that prints its URL and the demo credentials', async () => {
    const child = spawn(process.execPath, [new URL('./server.mjs', import.meta.url).pathname, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.setEncoding('utf8').on('data', (c: string) => {
          out += c;
          const m = /listening on (\S+)/.exec(out);
          if (m && out.includes(DEMO.clientSecret)) resolve(m[1]!);
        });
        child.on('exit', () => reject(new Error(`exited: ${out}`)));
      });
      const res = await fetch(`${url}/__sandbox/state`);
      expect(await res.json()).toEqual({ events: [], logins: 0, failedLogins: 0 });
    } finally {
      child.kill();
    }
  });
});
