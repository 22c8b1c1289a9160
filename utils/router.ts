import type { Browser } from 'wxt/browser';
import { classifySender } from '@/utils/messages/sender';
import { notifyMessageSchema, pageMessageSchema, previewMessageSchema } from '@/utils/messages/schemas';
import type { ConnectionPart, HistoryView, Replies } from '@/utils/messages/types';
import { readSetup, writeSetup } from '@/utils/setup';
import { loadSettings } from '@/utils/settings';
import { readPresets, writePresets } from '@/utils/presets/saved';
import type { Outbox } from '@/utils/outbox/outbox';
import type { OutboxStore } from '@/utils/outbox/store';
import { readPause } from '@/utils/outbox/pause';
import { RayAppError } from '@/utils/rayapp/errors';
import { NotSetUpError, type TokenSession } from '@/utils/session/token-session';
import { CredentialsUnreadableError } from '@/utils/session/credentials';
import type { createNotifier } from '@/utils/notify';
import { t } from '@/utils/i18n';

type Notifier = ReturnType<typeof createNotifier>;
type Reply = Replies[keyof Replies];

/**
 * The worker's single message entry: validate the sender, then the message, then dispatch.
 * Always answers with `{ok:false, error}` rather than throwing, so no caller is left hanging.
 */
/** How many interactions the popup lists. */
const HISTORY_SHOWN = 100;

export interface RouterDeps {
  session: TokenSession;
  notifier: Notifier;
  outbox: Outbox;
  store: OutboxStore;
  /** After anything that changes the counts (badge). */
  onChange?: () => void;
}

/** What a content script's preview may know: preset names and ids, and whether to preview at all. */
async function previewView(): Promise<Replies['preview:get']> {
  const settings = await loadSettings();
  if (!settings) return { ok: false, error: new NotSetUpError().message };
  return {
    ok: true,
    preview: !settings.sendWithoutPreview,
    presets: settings.presets.map(({ id, name }) => ({ id, name })),
    defaultPresetId: settings.defaultPresetId,
  };
}

export function createRouter({ session, notifier, outbox, store, onChange }: RouterDeps) {
  async function history(): Promise<HistoryView> {
    const [entries, counts, paused, token] = await Promise.all([
      store.recent(HISTORY_SHOWN),
      store.counts(),
      readPause(),
      session.current(),
    ]);
    return { entries, ...counts, paused: paused?.reason, tokenRenewsAt: token?.refreshAt };
  }

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
    const from = await classifySender(sender);
    if (from === 'untrusted') return { ok: false, error: t('refusedUnknownSender') };

    const notify = notifyMessageSchema.safeParse(message);
    if (notify.success) return notifier.notify(notify.data.customer, notify.data.presetId);
    if (previewMessageSchema.safeParse(message).success) return previewView();
    if (from !== 'extension-page') return { ok: false, error: t('refusedNotNotify') };

    const parsed = pageMessageSchema.safeParse(message);
    if (!parsed.success) return { ok: false, error: t('refusedMalformed') };
    const request = parsed.data;
    switch (request.type) {
      case 'setup:get':
        return { ok: true, setup: await readSetup() };
      case 'setup:save': {
        const reply = await writeSetup(request.form);
        if (reply.ok) {
          await session.forget(); // new credentials or server: the old token is not theirs
          void outbox.resume(); // what waited for the user to sign in again goes now
        }
        return reply;
      }
      case 'connection:test':
        return testConnection();
      case 'history:get':
        return { ok: true, history: await history() };
      case 'history:retry':
        return notifier.retry(request.id);
      case 'history:resend':
        return notifier.retry(request.id, request.customer);
      case 'history:discard': {
        const item = await store.get(request.id);
        if (item && item.status !== 'sent') await store.remove(request.id);
        onChange?.();
        return { ok: true };
      }
      case 'history:clear':
        await store.clearSent();
        return { ok: true };
      case 'presets:get':
        return readPresets();
      case 'presets:save':
        return writePresets({ presets: request.presets, defaultPresetId: request.defaultPresetId });
    }
  }

  return async (message: unknown, sender: Browser.runtime.MessageSender): Promise<Reply> => {
    try {
      return await route(message, sender);
    } catch (error) {
      console.error('RayApp Notifier: message handler failed', error instanceof Error ? error.name : typeof error);
      return { ok: false, error: t('unexpectedError') };
    }
  };
}

function connectionProblem(error: unknown): { error: string; part: ConnectionPart } {
  if (error instanceof RayAppError) {
    if (error.kind === 'client') return { part: 'client', error: t('wrongClient') };
    if (error.kind === 'user') return { part: 'user', error: t('wrongUser') };
    return { part: 'server', error: error.message };
  }
  if (error instanceof NotSetUpError || error instanceof CredentialsUnreadableError) {
    return { part: 'setup', error: error.message };
  }
  return { part: 'server', error: t('loginUnexpected') };
}
