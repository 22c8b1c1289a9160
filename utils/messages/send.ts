import { browser } from 'wxt/browser';
import type { ReplyTo, WorkerMessage } from './types';

/** Send a message to the worker and get its typed reply; a dead worker or channel becomes a plain error reply. */
export async function sendToWorker<M extends WorkerMessage>(message: M): Promise<ReplyTo<M>> {
  try {
    const reply = (await browser.runtime.sendMessage(message)) as ReplyTo<M> | undefined;
    if (reply && typeof reply === 'object' && 'ok' in reply) return reply;
    return { ok: false, status: 'not-sent', error: 'The extension did not answer; reload the page and try again' } as ReplyTo<M>;
  } catch {
    return {
      ok: false,
      status: 'not-sent',
      error: 'The extension was updated or restarted; reload the page and try again',
    } as ReplyTo<M>;
  }
}
