import * as z from 'zod/mini';
import { storage } from 'wxt/utils/storage';
import { interactionUserSchema } from '@/utils/customer/user';
import type { InteractionEvent } from '@/utils/interaction';

/** How many recent interactions the popup shows; older ones are trimmed. */
export const HISTORY_LIMIT = 100;

const eventSchema = z.object({
  customProps: z.record(z.string(), z.string()),
  storeId: z.number(),
  type: z.string(),
  subType: z.string(),
  source: z.literal('OTHER'),
  timestamp: z.string(),
  user: interactionUserSchema,
});

const entrySchema = z.object({
  id: z.string(),
  /** When the user asked (epoch ms); the event's timestamp says the same in ISO. */
  at: z.number(),
  status: z.enum(['sent', 'failed']),
  /** Why it was not sent, in the user's terms (RayApp's message for a rejection). */
  error: z.optional(z.string()),
  /** Whether sending it again as it is may succeed (network trouble) or needs an edit first. */
  retryable: z.optional(z.boolean()),
  event: eventSchema,
});
export type HistoryEntry = z.infer<typeof entrySchema> & { event: InteractionEvent };

const historyItem = storage.defineItem<unknown>('local:history', { fallback: [] });

/** Newest first. Entries that don't validate are skipped (and logged), never crash the reader. */
export async function readHistory(): Promise<HistoryEntry[]> {
  const raw = await historyItem.getValue();
  if (!Array.isArray(raw)) return [];
  const entries: HistoryEntry[] = [];
  for (const item of raw) {
    const parsed = entrySchema.safeParse(item);
    if (parsed.success) entries.push(parsed.data as HistoryEntry);
    else console.warn('RayApp Notifier: skipping a malformed history entry');
  }
  return entries;
}

// Writes are serialised so two notifies finishing together never overwrite each other.
let writing: Promise<unknown> = Promise.resolve();
function update(change: (entries: HistoryEntry[]) => HistoryEntry[]): Promise<void> {
  const next = writing.then(async () => {
    await historyItem.setValue(change(await readHistory()).slice(0, HISTORY_LIMIT));
  });
  writing = next.catch(() => undefined);
  return next;
}

/** Insert or replace (by id), moving the entry to the top. */
export function recordHistory(entry: HistoryEntry): Promise<void> {
  return update((entries) => [entry, ...entries.filter((e) => e.id !== entry.id)]);
}

export function clearHistory(): Promise<void> {
  return update(() => []);
}
