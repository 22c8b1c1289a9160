import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openOutboxDb, type OutboxItem } from './db';
import { createOutboxStore, SENT_KEPT } from './store';

const T0 = Date.UTC(2024, 4, 6, 7, 8, 9);
let dbCount = 0;

function fresh() {
  const name = `store-test-${++dbCount}`;
  const db = openOutboxDb(name);
  return { name, db, store: createOutboxStore(db) };
}

function item(id: string, status: OutboxItem['status'], createdAt: number, over: Partial<OutboxItem> = {}): OutboxItem {
  return {
    id,
    createdAt,
    status,
    attempts: status === 'queued' ? 0 : 1,
    nextAttemptAt: createdAt,
    ...(status === 'sent' ? { sentAt: createdAt + 1 } : {}),
    ...(status === 'dead' ? { lastError: 'Invalid event at index 0: user.phone: must be E.164, e.g. +5491155550000' } : {}),
    event: {
      customProps: {},
      storeId: 1234,
      type: 'visit',
      subType: 'crm',
      source: 'OTHER',
      timestamp: new Date(createdAt).toISOString(),
      user: { email: `${id}@example.com` },
    },
    ...over,
  };
}

const ids = (items: OutboxItem[]) => items.map((i) => i.id);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('due()', () => {
  it('only queued items whose attempt is due, at most `limit`, oldest (by click time) first', async () => {
    const { store } = fresh();
    await store.putAll([
      item('late', 'queued', T0 + 5, { nextAttemptAt: T0 + 60_000 }), // backing off
      item('q3', 'queued', T0 + 3),
      item('q1', 'queued', T0 + 1, { nextAttemptAt: T0 + 4 }), // retried, due again
      item('q2', 'queued', T0 + 2),
      item('sent', 'sent', T0),
      item('dead', 'dead', T0),
      item('future', 'queued', T0 + 9, { nextAttemptAt: T0 + 11 }),
    ]);
    expect(ids(await store.due(T0 + 10, 50))).toEqual(['q1', 'q2', 'q3']);
    expect(ids(await store.due(T0 + 11, 50))).toEqual(['q1', 'q2', 'q3', 'future']);
    expect(await store.due(T0 + 10, 2)).toHaveLength(2);
    expect(await store.due(T0, 50)).toEqual([]);
  });

  it('an empty outbox: nothing due, no next attempt, zero counts, empty history', async () => {
    const { store } = fresh();
    expect(await store.due(T0, 50)).toEqual([]);
    expect(await store.nextAttemptAt()).toBeNull();
    expect(await store.counts()).toEqual({ queued: 0, dead: 0 });
    expect(await store.recent(100)).toEqual([]);
  });
});

describe('nextAttemptAt() and counts()', () => {
  it('the earliest next attempt among queued items only; counts of queued and dead', async () => {
    const { store } = fresh();
    await store.putAll([
      item('a', 'queued', T0, { nextAttemptAt: T0 + 30_000 }),
      item('b', 'queued', T0 + 1, { nextAttemptAt: T0 + 7_000 }),
      item('s', 'sent', T0 + 2, { nextAttemptAt: T0 - 1 }),
      item('d1', 'dead', T0 + 3, { nextAttemptAt: T0 - 1 }),
      item('d2', 'dead', T0 + 4),
    ]);
    expect(await store.nextAttemptAt()).toBe(T0 + 7_000);
    expect(await store.counts()).toEqual({ queued: 2, dead: 2 });

    await store.put({ ...(await store.get('b'))!, status: 'sent', sentAt: T0 + 8_000 });
    expect(await store.nextAttemptAt()).toBe(T0 + 30_000);
    await store.remove('a');
    expect(await store.nextAttemptAt()).toBeNull();
    expect(await store.counts()).toEqual({ queued: 0, dead: 2 });
  });
});

describe('the history', () => {
  it('recent(limit): every state, newest first, at most `limit`', async () => {
    const { store } = fresh();
    await store.putAll([item('a', 'sent', T0), item('c', 'dead', T0 + 2), item('b', 'queued', T0 + 1), item('d', 'sent', T0 + 3)]);
    expect(ids(await store.recent(100))).toEqual(['d', 'c', 'b', 'a']);
    expect(ids(await store.recent(2))).toEqual(['d', 'c']);
  });

  it('recent(100) over 250 items → the newest 100', async () => {
    const { store } = fresh();
    await store.putAll(Array.from({ length: 250 }, (_, i) => item(`i${i}`, i % 3 ? 'sent' : 'queued', T0 + i)));
    const recent = await store.recent(100);
    expect(recent).toHaveLength(100);
    expect(recent[0]!.id).toBe('i249');
    expect(recent[99]!.id).toBe('i150');
    expect(recent.map((i) => i.createdAt)).toEqual([...recent.map((i) => i.createdAt)].sort((a, b) => b - a));
  });

  it('createdSince(t): items created at or after t, newest first (the dedupe window)', async () => {
    const { store } = fresh();
    await store.putAll([item('old', 'sent', T0 - 10_001), item('edge', 'sent', T0 - 10_000), item('new', 'queued', T0)]);
    expect(ids(await store.createdSince(T0 - 10_000))).toEqual(['new', 'edge']);
  });

  it(`trimSent() keeps the newest ${SENT_KEPT} delivered items and never touches queued or dead ones`, async () => {
    const { store } = fresh();
    await store.putAll([
      ...Array.from({ length: 130 }, (_, i) => item(`s${i}`, 'sent', T0 + i)),
      item('old-queued', 'queued', T0 - 5),
      item('old-dead', 'dead', T0 - 4),
    ]);
    await store.trimSent();
    const left = await store.recent(1_000);
    expect(left.filter((i) => i.status === 'sent').map((i) => i.id)).toEqual(Array.from({ length: 100 }, (_, i) => `s${129 - i}`));
    expect(ids(left.filter((i) => i.status !== 'sent'))).toEqual(['old-dead', 'old-queued']);

    await store.trimSent(3);
    expect(ids(await store.recent(1_000))).toEqual(['s129', 's128', 's127', 'old-dead', 'old-queued']);
  });

  it('trimSent() with fewer than the limit deletes nothing', async () => {
    const { store } = fresh();
    await store.putAll([item('a', 'sent', T0), item('b', 'sent', T0 + 1)]);
    await store.trimSent();
    expect(ids(await store.recent(10))).toEqual(['b', 'a']);
  });

  it('clearSent() forgets delivered items only: queued and dead ones are never removed', async () => {
    const { store } = fresh();
    await store.putAll([item('s1', 'sent', T0), item('q', 'queued', T0 + 1), item('s2', 'sent', T0 + 2), item('d', 'dead', T0 + 3)]);
    await store.clearSent();
    expect(ids(await store.recent(100))).toEqual(['d', 'q']);
    expect(await store.counts()).toEqual({ queued: 1, dead: 1 });
    await store.clearSent(); // idempotent
    expect(ids(await store.recent(100))).toEqual(['d', 'q']);
  });
});

describe('records', () => {
  it('add() refuses a second item with the same id (an enqueue never overwrites)', async () => {
    const { store } = fresh();
    await store.add(item('a', 'queued', T0));
    await expect(store.add(item('a', 'queued', T0 + 1))).rejects.toThrow();
    expect((await store.get('a'))!.createdAt).toBe(T0);
  });

  it('get / put / remove round-trip an item unchanged', async () => {
    const { store } = fresh();
    const a = item('a', 'dead', T0, { attempts: 3 });
    await store.put(a);
    expect(await store.get('a')).toEqual(a);
    await store.remove('a');
    expect(await store.get('a')).toBeUndefined();
  });

  // Looking up an id that is simply gone is not a "malformed record".
  it('get() of an id that is not there is undefined, without a "malformed record" warning', async () => {
    const { store } = fresh();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await store.get('nope')).toBeUndefined();
    expect(warn).not.toHaveBeenCalled();
  });

  it('malformed records are skipped (with a warning) by every read, never returned as items', async () => {
    const { name, store } = fresh();
    const db = await openOutboxDb(name);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await store.putAll([item('good', 'queued', T0), item('sent', 'sent', T0 + 1)]);
    const junk = [
      { id: 'no-event', createdAt: T0 - 3, status: 'queued', attempts: 0, nextAttemptAt: T0 - 3 },
      { id: 'bad-user', createdAt: T0 - 2, status: 'queued', attempts: 0, nextAttemptAt: T0 - 2, event: { ...item('x', 'queued', T0).event, user: {} } },
      { id: 'bad-status', createdAt: T0 + 2, status: 'sent', attempts: 'one', nextAttemptAt: T0 + 2, event: item('y', 'sent', T0).event },
    ];
    for (const record of junk) await db.put('items', record as unknown as OutboxItem);

    expect(ids(await store.due(T0, 50))).toEqual(['good']);
    expect(ids(await store.recent(100))).toEqual(['sent', 'good']);
    expect(ids(await store.createdSince(T0 - 10))).toEqual(['sent', 'good']);
    expect(await store.get('no-event')).toBeUndefined();
    expect(warn).toHaveBeenCalledWith('RayApp Notifier: skipping a malformed outbox record');
  });

  it('a restarted worker (another connection to the same database) sees the same items', async () => {
    const first = fresh();
    await first.store.putAll([item('a', 'queued', T0), item('b', 'dead', T0 + 1)]);
    const again = createOutboxStore(openOutboxDb(first.name));
    expect(ids(await again.recent(10))).toEqual(['b', 'a']);
    expect(await again.counts()).toEqual({ queued: 1, dead: 1 });
  });
});

describe('scale: 10,000 queued items waiting out a backoff', () => {
  it('due(), nextAttemptAt(), counts() and recent() answer correctly without loading every item', { timeout: 120_000 }, async () => {
    const { store } = fresh();
    const N = 10_000;
    await store.putAll(
      Array.from({ length: N }, (_, i) => item(`w${String(i).padStart(5, '0')}`, 'queued', T0 - N + i, { attempts: 3, nextAttemptAt: T0 + 600_000 + i })),
    );
    await store.putAll([item('due-2', 'queued', T0 - 2), item('due-1', 'queued', T0 - 20_000, { nextAttemptAt: T0 - 1 }), item('dead', 'dead', T0 + 1)]);

    // Every bulk read must be bounded: by a count, or by a key range.
    const indexGetAll = vi.spyOn(IDBIndex.prototype, 'getAll');
    const storeGetAll = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    const storeGetAllKeys = vi.spyOn(IDBObjectStore.prototype, 'getAllKeys');

    expect(ids(await store.due(T0, 50))).toEqual(['due-1', 'due-2']);
    expect(await store.nextAttemptAt()).toBe(T0 - 2);
    expect(await store.counts()).toEqual({ queued: N + 2, dead: 1 });
    const recent = await store.recent(100);
    expect(recent).toHaveLength(100);
    expect(recent[0]!.id).toBe('dead');
    // Once the due ones are sent, the next attempt is the earliest of the 10,000.
    await store.putAll([{ ...(await store.get('due-1'))!, status: 'sent' }, { ...(await store.get('due-2'))!, status: 'sent' }]);
    expect(await store.due(T0, 50)).toEqual([]);
    expect(await store.nextAttemptAt()).toBe(T0 + 600_000);
    const later = await store.due(T0 + 600_000 + 99, 50);
    expect(later).toHaveLength(50);
    expect(later[0]!.id).toBe('w00000');

    expect(storeGetAll).not.toHaveBeenCalled();
    expect(storeGetAllKeys).not.toHaveBeenCalled();
    // due() walks a cursor over the next-attempt index; any getAll on an index must carry a bound.
    for (const [query, count] of indexGetAll.mock.calls) expect(query !== undefined || (count ?? Infinity) <= 50).toBe(true);
  });
});
