import * as z from 'zod/mini';
import { interactionUserSchema } from '@/utils/customer/user';
import type { OutboxDatabase, OutboxItem } from './db';

/** How many delivered items stay as history for the popup. */
export const SENT_KEPT = 100;

const itemSchema = z.object({
  id: z.string(),
  createdAt: z.number(),
  status: z.enum(['queued', 'sent', 'dead']),
  attempts: z.number(),
  nextAttemptAt: z.number(),
  lastError: z.optional(z.string()),
  sentAt: z.optional(z.number()),
  event: z.object({
    customProps: z.record(z.string(), z.string()),
    storeId: z.number(),
    type: z.string(),
    subType: z.string(),
    source: z.literal('OTHER'),
    timestamp: z.string(),
    user: interactionUserSchema,
  }),
});

/** Whether a value is an outbox item this version can send (checked on write and on every read). */
export function isOutboxItem(value: unknown): value is OutboxItem {
  return itemSchema.safeParse(value).success;
}

/** Storage reads are validated: a record that isn't an outbox item is skipped, never sent. */
function valid(value: unknown): value is OutboxItem {
  const ok = isOutboxItem(value);
  if (!ok) console.warn('RayApp Notifier: skipping a malformed outbox record');
  return ok;
}

/** Where unreadable records go: out of the queue (they would block it), kept for inspection. */
const UNREADABLE = 'unreadable';

/** `database` may still be opening: every call waits for it, so the worker can wire up synchronously. */
export function createOutboxStore(database: OutboxDatabase | Promise<OutboxDatabase>) {
  const range = (status: OutboxItem['status']) => IDBKeyRange.bound([status, -Infinity], [status, Infinity]);

  return {
    async add(item: OutboxItem): Promise<void> {
      const db = await database;
      // "relaxed": committed once the browser has it (a browser crash loses nothing), without
      // waiting for the disk to flush — this write is on every click's path to RayApp.
      const tx = db.transaction('items', 'readwrite', { durability: 'relaxed' });
      await Promise.all([tx.store.add(item), tx.done]);
    },

    async get(id: string): Promise<OutboxItem | undefined> {
      const db = await database;
      const item = await db.get('items', id);
      return item !== undefined && valid(item) ? item : undefined;
    },

    async put(item: OutboxItem): Promise<void> {
      const db = await database;
      await db.put('items', item);
    },

    async putAll(items: OutboxItem[]): Promise<void> {
      const db = await database;
      const tx = db.transaction('items', 'readwrite');
      await Promise.all([...items.map((item) => tx.store.put(item)), tx.done]);
    },

    async remove(id: string): Promise<void> {
      const db = await database;
      await db.delete('items', id);
    },

    /**
     * Queued items whose attempt is due, at most `limit`, oldest first. Read through the
     * next-attempt index so that thousands of items waiting out a backoff are never scanned.
     */
    async due(now: number, limit: number): Promise<OutboxItem[]> {
      const db = await database;
      const found: OutboxItem[] = [];
      const unreadable: unknown[] = [];
      // Read-only: it need not wait behind writers, and the click path waits on it.
      let cursor = await db.transaction('items').store.index('by-status-next').openCursor(IDBKeyRange.bound(['queued', -Infinity], ['queued', now]));
      while (cursor && found.length < limit) {
        if (valid(cursor.value)) found.push(cursor.value);
        else unreadable.push(cursor.value);
        cursor = await cursor.continue();
      }
      if (unreadable.length > 0) {
        const tx = db.transaction('items', 'readwrite');
        await Promise.all([...unreadable.map((record) => tx.store.put({ ...(record as object), status: UNREADABLE } as unknown as OutboxItem)), tx.done]);
      }
      return found.sort((a, b) => a.createdAt - b.createdAt);
    },

    /** When the next queued item is due, or null with nothing queued. */
    async nextAttemptAt(): Promise<number | null> {
      const db = await database;
      const cursor = await db.transaction('items').store.index('by-status-next').openCursor(range('queued'));
      return cursor ? cursor.value.nextAttemptAt : null;
    },

    async counts(): Promise<{ queued: number; dead: number }> {
      const db = await database;
      const index = db.transaction('items').store.index('by-status-created');
      const [queued, dead] = await Promise.all([index.count(range('queued')), index.count(range('dead'))]);
      return { queued, dead };
    },

    /** Items created since `since` (for dedupe), newest first. */
    async createdSince(since: number): Promise<OutboxItem[]> {
      const db = await database;
      const items = await db.getAllFromIndex('items', 'by-created', IDBKeyRange.lowerBound(since));
      return items.filter(valid).reverse();
    },

    /** The history: newest first, at most `limit`. */
    async recent(limit: number): Promise<OutboxItem[]> {
      const db = await database;
      const found: OutboxItem[] = [];
      let cursor = await db.transaction('items').store.index('by-created').openCursor(null, 'prev');
      while (cursor && found.length < limit) {
        if (valid(cursor.value)) found.push(cursor.value);
        cursor = await cursor.continue();
      }
      return found;
    },

    /** Keep only the newest `keep` delivered items. */
    async trimSent(keep = SENT_KEPT): Promise<void> {
      const db = await database;
      const tx = db.transaction('items', 'readwrite');
      const index = tx.store.index('by-status-created');
      const total = await index.count(range('sent'));
      let extra = total - keep;
      let cursor = extra > 0 ? await index.openCursor(range('sent')) : null;
      while (cursor && extra-- > 0) {
        await cursor.delete();
        cursor = await cursor.continue();
      }
      await tx.done;
    },

    /** "Clear history": forget delivered items (queued and refused ones are never dropped this way). */
    async clearSent(): Promise<void> {
      const db = await database;
      const tx = db.transaction('items', 'readwrite');
      let cursor = await tx.store.index('by-status-created').openCursor(range('sent'));
      while (cursor) {
        await cursor.delete();
        cursor = await cursor.continue();
      }
      await tx.done;
    },
  };
}

export type OutboxStore = ReturnType<typeof createOutboxStore>;
