import type { RawCustomer } from '@/utils/crm/types';
import { normaliseCustomer } from '@/utils/customer/normalise';
import { buildInteraction, type InteractionEvent } from '@/utils/interaction';
import { loadSettings, type Settings } from '@/utils/settings';
import { postInteractions } from '@/utils/rayapp/interactions';
import { RayAppError } from '@/utils/rayapp/errors';
import { NotSetUpError, type TokenSession } from '@/utils/session/token-session';
import { CredentialsUnreadableError } from '@/utils/session/credentials';
import { readHistory, recordHistory } from '@/utils/history';
import type { NotifyOutcome } from '@/utils/messages/types';
import { describeCustomer } from '@/utils/describe-customer';

export function createNotifier(session: TokenSession, now: () => number = Date.now) {
  /** Send one event; the outcome, sent or not, is recorded in the history so nothing is lost. */
  async function deliver(id: string, at: number, event: InteractionEvent, settings: Settings | null): Promise<NotifyOutcome> {
    try {
      if (!settings) throw new NotSetUpError();
      await session.authorised((authorization) => postInteractions(settings.apiBase, authorization, [event]));
      await recordHistory({ id, at, status: 'sent', event });
      return { ok: true, status: 'sent', id, message: `Sent to RayApp: ${describeCustomer(event)}` };
    } catch (error) {
      const { message, retryable } = explain(error);
      await recordHistory({ id, at, status: 'failed', error: message, retryable, event });
      return { ok: false, status: 'failed', id, error: message, retryable };
    }
  }

  return {
    /** A customer scraped from a page → normalised → one interaction sent now. */
    async notify(raw: RawCustomer): Promise<NotifyOutcome> {
      const at = now();
      const settings = await loadSettings();
      if (!settings) return { ok: false, status: 'not-sent', error: new NotSetUpError().message };
      const customer = normaliseCustomer(raw, {});
      if (!customer.ok) return { ok: false, status: 'not-sent', error: customer.error };
      const event = buildInteraction(customer.user, settings.storeId, settings.preset, new Date(at));
      return deliver(crypto.randomUUID(), at, event, settings);
    },

    /** Send a failed interaction again, as it was (same id, same click time). */
    async retry(id: string): Promise<NotifyOutcome> {
      const entry = (await readHistory()).find((e) => e.id === id);
      if (!entry) return { ok: false, status: 'not-sent', error: 'That interaction is no longer in the history' };
      if (entry.status === 'sent') return { ok: true, status: 'sent', id, message: 'Already sent' };
      return deliver(entry.id, entry.at, entry.event, await loadSettings());
    },
  };
}

function explain(error: unknown): { message: string; retryable: boolean } {
  if (error instanceof RayAppError) {
    const hint =
      error.kind === 'client' || error.kind === 'user' ? ' — check the credentials in the RayApp Notifier popup' : '';
    return { message: error.message + hint, retryable: error.retryable };
  }
  if (error instanceof NotSetUpError || error instanceof CredentialsUnreadableError) {
    return { message: error.message, retryable: false };
  }
  console.error('RayApp Notifier: unexpected failure while sending', error);
  return { message: 'Something went wrong while sending; it is kept in the history to retry', retryable: true };
}
