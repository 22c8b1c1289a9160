import { describe, expect, it, vi } from 'vitest';
import { postInteractions } from './interactions';
import { RayAppError } from './errors';
import type { InteractionEvent } from '@/utils/interaction';
import { failure } from '@/tests/unit/rayapp-failure';

const BASE = 'https://api.example.test';
const AUTH = 'bearer eyJhbGciOi.token';

const event = (email: string): InteractionEvent => ({
  customProps: { page: 'crm' },
  storeId: 1234,
  type: 'visit',
  subType: 'crm',
  source: 'OTHER',
  timestamp: '2024-01-02T03:04:05.678Z',
  user: { email, name: 'Ana', lastName: 'García' },
});

const reply = (status: number, body: unknown) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const fakeFetch = (make: () => Response) => vi.fn<typeof fetch>(async () => make());


describe('postInteractions: the request', () => {
  it('POSTs the events as a JSON array to {base}/events/interaction with the token as given', async () => {
    const fetchMock = fakeFetch(() => reply(200, { message: 'ok', result: 'success', statusCode: 200 }));
    const events = [event('ana@example.com'), event('bob@example.com')];
    await postInteractions(BASE, AUTH, events, { fetch: fetchMock });

    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(String(url)).toBe('https://api.example.test/events/interaction');
    expect(init?.method).toBe('POST');
    const headers = new Headers(init?.headers);
    expect(headers.get('Authorization')).toBe('bearer eyJhbGciOi.token');
    expect(headers.get('Content-Type')).toBe('application/json');
    const body: unknown = JSON.parse(init?.body as string);
    expect(Array.isArray(body)).toBe(true);
    expect(body).toEqual(events);
  });

  it('sends a single event as a one-element array, not a bare object', async () => {
    const fetchMock = fakeFetch(() => reply(200, { statusCode: 200 }));
    await postInteractions(BASE, AUTH, [event('ana@example.com')], { fetch: fetchMock });
    expect(JSON.parse(fetchMock.mock.calls[0]![1]?.body as string)).toEqual([event('ana@example.com')]);
  });
});

describe('postInteractions: the reply', () => {
  it('200 {statusCode:200} → resolves with RayApp’s message', async () => {
    await expect(
      postInteractions(BASE, AUTH, [event('a@example.com')], {
        fetch: fakeFetch(() => reply(200, { message: 'Interactions registered', result: 'success', statusCode: 200 })),
      }),
    ).resolves.toEqual({ message: 'Interactions registered' });
  });

  it('HTTP 200 but body statusCode 400 → "rejected" with RayApp’s message, not retryable', async () => {
    const error = await failure(
      postInteractions(BASE, AUTH, [event('a@example.com')], {
        fetch: fakeFetch(() => reply(200, { message: 'x', result: 'error', statusCode: 400 })),
      }),
    );
    expect(error.kind).toBe('rejected');
    expect(error.message).toBe('x');
    expect(error.retryable).toBe(false);
  });

  it('HTTP 400 → "rejected" with RayApp’s message', async () => {
    const error = await failure(
      postInteractions(BASE, AUTH, [event('a@example.com')], {
        fetch: fakeFetch(() => reply(400, { message: 'Invalid event at index 0: storeId: is required', result: 'error', statusCode: 400 })),
      }),
    );
    expect(error.kind).toBe('rejected');
    expect(error.status).toBe(400);
    expect(error.message).toBe('Invalid event at index 0: storeId: is required');
    expect(error.retryable).toBe(false);
  });

  it('HTTP 401 → "unauthorized"', async () => {
    const error = await failure(
      postInteractions(BASE, AUTH, [event('a@example.com')], {
        fetch: fakeFetch(() => reply(401, { error: 'invalid_token', error_description: 'Access token expired' })),
      }),
    );
    expect(error.kind).toBe('unauthorized');
    expect(error.status).toBe(401);
  });

  it.each([429, 500, 502, 503, 504, 408])('HTTP %i → "server", retryable', async (status) => {
    const error = await failure(
      postInteractions(BASE, AUTH, [event('a@example.com')], { fetch: fakeFetch(() => reply(status, { message: 'busy', statusCode: status })) }),
    );
    expect(error.kind).toBe('server');
    expect(error.status).toBe(status);
    expect(error.retryable).toBe(true);
  });

  it.each([
    ['HTML', '<html>gateway</html>'],
    ['truncated JSON', '{"message":"Interactions reg'],
  ])('HTTP 200 with a non-JSON body (%s) → "bad-response", never accepted', async (_label, body) => {
    const error = await failure(
      postInteractions(BASE, AUTH, [event('a@example.com')], { fetch: fakeFetch(() => new Response(body, { status: 200 })) }),
    );
    expect(error.kind).toBe('bad-response');
  });

  it('a network failure → "unreachable"', async () => {
    const fetchMock = vi.fn<typeof fetch>(async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = await failure(postInteractions(BASE, AUTH, [event('a@example.com')], { fetch: fetchMock }));
    expect(error.kind).toBe('unreachable');
    expect(error.retryable).toBe(true);
  });
});
