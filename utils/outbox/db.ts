import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { InteractionEvent } from '@/utils/interaction';

/**
 * One interaction the user asked to send, from the click until RayApp accepted it (or refused it).
 * - `queued`: waiting for its next attempt (`nextAttemptAt`).
 * - `sent`: RayApp accepted it; kept briefly as history, then trimmed.
 * - `dead`: RayApp refused it (validation); waits for the user to edit and resend, or discard.
 */
export interface OutboxItem {
  id: string;
  /** When the user asked (epoch ms): the order of delivery and of the history. */
  createdAt: number;
  event: InteractionEvent;
  status: 'queued' | 'sent' | 'dead';
  attempts: number;
  nextAttemptAt: number;
  lastError?: string;
  sentAt?: number;
}

interface OutboxDb extends DBSchema {
  items: {
    key: string;
    value: OutboxItem;
    indexes: {
      /** Oldest first within a status: what to send next, what to trim, what to count. */
      'by-status-created': [string, number];
      /** When the next queued item is due: the retry alarm's time. */
      'by-status-next': [string, number];
      /** The history, newest first. */
      'by-created': number;
    };
  };
}

export type OutboxDatabase = IDBPDatabase<OutboxDb>;

export const OUTBOX_DB = 'rayapp-outbox';

// IndexedDB, not storage.local: 10,000 queued events must not be read and rewritten as one JSON
// value on every change, and indexes answer "next 50 due" and "how many queued" without loading all.
export function openOutboxDb(name = OUTBOX_DB): Promise<OutboxDatabase> {
  return openDB<OutboxDb>(name, 1, {
    upgrade(db) {
      const items = db.createObjectStore('items', { keyPath: 'id' });
      items.createIndex('by-status-created', ['status', 'createdAt']);
      items.createIndex('by-status-next', ['status', 'nextAttemptAt']);
      items.createIndex('by-created', 'createdAt');
    },
  });
}
