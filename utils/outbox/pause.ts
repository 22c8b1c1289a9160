import * as z from 'zod/mini';
import { storage } from 'wxt/utils/storage';

/**
 * Set when sending cannot work until the user acts (credentials refused, not set up): the outbox
 * stops trying — nothing is dropped — and resumes when the setup is saved again.
 */
const pauseSchema = z.object({ reason: z.string(), since: z.number() });
export type OutboxPause = z.infer<typeof pauseSchema>;

const pauseItem = storage.defineItem<unknown>('local:outboxPause', { fallback: null });

export async function readPause(): Promise<OutboxPause | null> {
  const parsed = pauseSchema.safeParse(await pauseItem.getValue());
  return parsed.success ? parsed.data : null;
}

export async function pause(reason: string, now: number): Promise<void> {
  await pauseItem.setValue({ reason, since: now });
}

export async function resume(): Promise<void> {
  await pauseItem.removeValue();
}
