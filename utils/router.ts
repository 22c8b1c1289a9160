import type { Browser } from 'wxt/browser';
import { classifySender } from '@/utils/messages/sender';
import { notifyMessageSchema, pageMessageSchema } from '@/utils/messages/schemas';
import type { ConnectionPart, Replies } from '@/utils/messages/types';
import { readSetup, writeSetup } from '@/utils/setup';
import { readHistory, clearHistory } from '@/utils/history';
import { RayAppError } from '@/utils/rayapp/errors';
import { NotSetUpError, type TokenSession } from '@/utils/session/token-session';
import { CredentialsUnreadableError } from '@/utils/session/credentials';
import type { createNotifier } from '@/utils/notify';

type Notifier = ReturnType<typeof createNotifier>;
type Reply = Replies[keyof Replies];

/**
 * The worker's single message entry: validate the sender, then the message, then dispatch.
 * Always answers with `{ok:false, error}` rather than throwing, so no caller is left hanging.
 */
export function createRouter(session: TokenSession, notifier: Notifier) {
  async function testConnection(): Promise<Replies['connection:test']> {
    try {
      await session.forget();
      await session.login();
      return { ok: true, expiresInSeconds: (await session.remainingSeconds()) ?? 0 };
    } catch (error) {
      return { ok: false, ...connectionProblem(error) };
    }
  }

  async function route(message: unknown, sender: Browser.runtime.MessageSender): Promise<Reply> {
    const from = classifySender(sender);
    if (from === 'untrusted') return { ok: false, error: 'Message refused: unknown sender' };

    const notify = notifyMessageSchema.safeParse(message);
    if (notify.success) return notifier.notify(notify.data.customer);
    if (from !== 'extension-page') return { ok: false, error: 'Message refused: not a valid notify request' };

    const parsed = pageMessageSchema.safeParse(message);
    if (!parsed.success) return { ok: false, error: 'Message refused: malformed request' };
    const request = parsed.data;
    switch (request.type) {
      case 'setup:get':
        return { ok: true, setup: await readSetup() };
      case 'setup:save': {
        const reply = await writeSetup(request.form);
        if (reply.ok) await session.forget(); // new credentials or server: the old token is not theirs
        return reply;
      }
      case 'connection:test':
        return testConnection();
      case 'history:get':
        return { ok: true, entries: await readHistory() };
      case 'history:retry':
        return notifier.retry(request.id);
      case 'history:clear':
        await clearHistory();
        return { ok: true };
    }
  }

  return async (message: unknown, sender: Browser.runtime.MessageSender): Promise<Reply> => {
    try {
      return await route(message, sender);
    } catch (error) {
      console.error('RayApp Notifier: message handler failed', error instanceof Error ? error.name : typeof error);
      return { ok: false, error: 'The extension hit an unexpected error; please try again' };
    }
  };
}

function connectionProblem(error: unknown): { error: string; part: ConnectionPart } {
  if (error instanceof RayAppError) {
    if (error.kind === 'client') return { part: 'client', error: 'Client id or client secret is wrong (RayApp: invalid_client)' };
    if (error.kind === 'user') return { part: 'user', error: 'API user or API password is wrong (RayApp: invalid_grant)' };
    return { part: 'server', error: error.message };
  }
  if (error instanceof NotSetUpError || error instanceof CredentialsUnreadableError) {
    return { part: 'setup', error: error.message };
  }
  return { part: 'server', error: 'Unexpected error while logging in' };
}
