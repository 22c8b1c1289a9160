import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createNotifier } from './notify';
import { createTokenSession, NotSetUpError } from './session/token-session';
import { saveCredentials, loadCredentials } from './session/credentials';
import { saveSettings, loadSettings } from './settings';
import { readHistory } from './history';
import type { InteractionEvent } from './interaction';

const BASE = 'https://api.example.test';
const T0 = Date.UTC(2024, 4, 6, 7, 8, 9, 123);
const CUSTOMER = { firstName: ' Ana ', lastName: 'García', email: '  Ana.Garcia@Example.COM ', company: 'Acme' };

type Reply = () => Response | Promise<Response>;
const ok = (body: unknown, status = 200) => () => new Response(JSON.stringify(body), { status });

/** A fake RayApp: answers /oauth/token and /events/interaction; records what it was sent. */
let interactionReply: Reply;
let rayapp: ReturnType<typeof vi.fn<typeof fetch>>;
let now: number;
let notifier: ReturnType<typeof createNotifier>;

const interactionCalls = () => rayapp.mock.calls.filter(([url]) => String(url) === `${BASE}/events/interaction`);
const tokenCalls = () => rayapp.mock.calls.filter(([url]) => String(url) === `${BASE}/oauth/token`);
const postedBatch = (i: number) => JSON.parse(interactionCalls()[i]![1]?.body as string) as InteractionEvent[];

async function setUp() {
  await saveSettings({
    apiBase: BASE,
    storeId: 1234,
    preset: { type: 'visit', subType: 'crm', customProps: { origin: 'hubspot' } },
    remember: false,
  });
  await saveCredentials({ clientId: 'acme', clientSecret: 'sécret', apiUser: 'ventas', apiPassword: 'pw' }, false);
}

beforeEach(() => {
  now = T0;
  interactionReply = ok({ message: 'Interactions registered', result: 'success', statusCode: 200 });
  rayapp = vi.fn<typeof fetch>(async (input) => {
    const url = String(input);
    if (url === `${BASE}/oauth/token`) return ok({ access_token: 'tok', token_type: 'bearer', expires_in: 3599 })();
    if (url === `${BASE}/events/interaction`) return interactionReply();
    throw new TypeError(`unexpected fetch ${url}`);
  });
  // The interactions call uses the global fetch (createNotifier takes no http options).
  vi.stubGlobal('fetch', rayapp);
  const session = createTokenSession({
    loadCredentials,
    loadApiBase: async () => (await loadSettings())?.apiBase ?? null,
    now: () => now,
    http: { fetch: rayapp },
  });
  notifier = createNotifier(session, () => now);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('notify', () => {
  it('not set up → not-sent with the setup message; nothing posted, nothing kept', async () => {
    const outcome = await notifier.notify(CUSTOMER);
    expect(outcome).toEqual({ ok: false, status: 'not-sent', error: new NotSetUpError().message });
    expect(rayapp).not.toHaveBeenCalled();
    expect(await readHistory()).toEqual([]);
  });

  it('a customer with neither email nor phone → not-sent, no login, nothing posted, nothing kept', async () => {
    await setUp();
    const outcome = await notifier.notify({ firstName: 'Ana', lastName: 'García', company: 'Acme' });
    expect(outcome).toMatchObject({ ok: false, status: 'not-sent', error: expect.stringMatching(/email|phone/i) });
    expect(rayapp).not.toHaveBeenCalled();
    expect(await readHistory()).toEqual([]);
  });

  it('a customer with only an unusable email → not-sent, nothing posted', async () => {
    await setUp();
    const outcome = await notifier.notify({ email: 'j***@example.com' });
    expect(outcome).toMatchObject({ ok: false, status: 'not-sent' });
    expect(interactionCalls()).toHaveLength(0);
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

    const history = await readHistory();
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ id: (outcome as { id: string }).id, at: T0, status: 'sent', event: batch[0] });
  });

  it('a phone-only customer is sent with the phone in E.164', async () => {
    await setUp();
    const outcome = await notifier.notify({ fullName: 'Juan Pérez', phone: '+54 9 11 5555-0000', country: 'Argentina' });
    expect(outcome).toMatchObject({ ok: true, status: 'sent' });
    expect(postedBatch(0)[0]!.user).toMatchObject({ phone: '+5491155550000', country: 'AR' });
    expect(postedBatch(0)[0]!.user.email).toBeUndefined();
  });

  it('503 → failed and retryable, kept in the history; retry after recovery → sent, same id and timestamp, one entry', async () => {
    await setUp();
    interactionReply = ok({ message: 'Service Unavailable', statusCode: 503 }, 503);
    const failed = await notifier.notify(CUSTOMER);
    expect(failed).toMatchObject({ ok: false, status: 'failed', retryable: true, error: expect.any(String) });
    const id = (failed as { id: string }).id;
    expect(await readHistory()).toEqual([expect.objectContaining({ id, status: 'failed', retryable: true, at: T0 })]);

    // Some minutes later the server is back.
    now = T0 + 5 * 60_000;
    interactionReply = ok({ message: 'Interactions registered', result: 'success', statusCode: 200 });
    const retried = await notifier.retry(id);
    expect(retried).toMatchObject({ ok: true, status: 'sent', id });

    expect(interactionCalls()).toHaveLength(2);
    expect(postedBatch(1)).toEqual(postedBatch(0));
    expect(postedBatch(1)[0]!.timestamp).toBe('2024-05-06T07:08:09.123Z');

    const history = await readHistory();
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ id, status: 'sent', at: T0 });
    expect(history[0]!.error).toBeUndefined();
  });

  it('retrying an already sent entry posts nothing again', async () => {
    await setUp();
    const sent = await notifier.notify(CUSTOMER);
    const again = await notifier.retry((sent as { id: string }).id);
    expect(again).toMatchObject({ ok: true, status: 'sent' });
    expect(interactionCalls()).toHaveLength(1);
  });

  it('retrying an unknown id → not-sent, nothing posted', async () => {
    await setUp();
    expect(await notifier.retry('no-such-id')).toMatchObject({ ok: false, status: 'not-sent' });
    expect(rayapp).not.toHaveBeenCalled();
  });

  it('HTTP 200 with body statusCode 400 → failed, not retryable, with RayApp’s message', async () => {
    await setUp();
    interactionReply = ok({ message: 'Invalid event at index 0: user.email: must be a valid e-mail address', result: 'error', statusCode: 400 });
    const outcome = await notifier.notify(CUSTOMER);
    expect(outcome).toMatchObject({
      ok: false,
      status: 'failed',
      retryable: false,
      error: 'Invalid event at index 0: user.email: must be a valid e-mail address',
    });
    expect(await readHistory()).toEqual([
      expect.objectContaining({ status: 'failed', retryable: false, error: 'Invalid event at index 0: user.email: must be a valid e-mail address' }),
    ]);
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
    expect(await readHistory()).toHaveLength(1);
  });

  it('two customers give two history entries, newest first', async () => {
    await setUp();
    const a = await notifier.notify(CUSTOMER);
    now += 1000;
    const b = await notifier.notify({ email: 'bob@example.com' });
    expect((await readHistory()).map((e) => e.id)).toEqual([(b as { id: string }).id, (a as { id: string }).id]);
    expect(tokenCalls()).toHaveLength(1);
  });
});
