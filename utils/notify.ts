import type { RawCustomer } from '@/utils/crm/types';
import { normaliseCustomer } from '@/utils/customer/normalise';
import { buildInteraction, type InteractionEvent } from '@/utils/interaction';
import { defaultPreset, loadSettings, type Settings } from '@/utils/settings';
import { NotSetUpError } from '@/utils/session/token-session';
import type { Outbox } from '@/utils/outbox/outbox';
import type { OutboxStore } from '@/utils/outbox/store';
import type { OutboxItem } from '@/utils/outbox/db';
import { readPause } from '@/utils/outbox/pause';
import type { NotifyOutcome } from '@/utils/messages/types';
import { describeCustomer } from '@/utils/describe-customer';
import { t } from '@/utils/i18n';

/** A double click, the button plus the menu, two tabs: the same customer and preset within this window is one interaction. */
export const DEDUPE_WINDOW_MS = 10_000;
/** How long a click waits for the outcome before the button says "queued". */
const REPLY_WITHIN_MS = 20_000;

function presetFor(settings: Settings, presetId: string | undefined) {
  return presetId === undefined ? defaultPreset(settings) : settings.presets.find((p) => p.id === presetId);
}

function sameInteraction(a: InteractionEvent, b: InteractionEvent): boolean {
  if (a.type !== b.type || a.subType !== b.subType || a.storeId !== b.storeId) return false;
  const sameEmail = !!a.user.email && a.user.email === b.user.email;
  const samePhone = !!a.user.phone && a.user.phone === b.user.phone;
  return sameEmail || samePhone;
}

export function createNotifier(
  outbox: Outbox,
  store: OutboxStore,
  now: () => number = Date.now,
  readSettings: typeof loadSettings = loadSettings,
) {
  // Dedupe check and enqueue run one at a time, or two simultaneous clicks would both pass the check.
  let gate: Promise<unknown> = Promise.resolve();
  function exclusive<T>(task: () => Promise<T>): Promise<T> {
    const result = gate.then(task);
    gate = result.catch(() => undefined);
    return result;
  }

  // What this worker enqueued in the last few seconds, so the dedupe check needs no database read;
  // a fresh worker reads the window from the outbox once (a click may have come just before it stopped).
  let recent: OutboxItem[] | undefined;
  async function recentSince(since: number): Promise<OutboxItem[]> {
    recent = (recent ?? (await store.createdSince(since))).filter((item) => item.createdAt >= since);
    return recent;
  }

  /** Wait for the flush (or a while), then say where the item stands. */
  async function settle(item: OutboxItem, duplicate: boolean): Promise<NotifyOutcome> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([outbox.flush(), new Promise((done) => (timer = setTimeout(done, REPLY_WITHIN_MS)))]);
    clearTimeout(timer);
    return outcomeOf((await store.get(item.id)) ?? item, duplicate);
  }

  return {
    /**
     * A customer scraped from a page → normalised → written to the outbox → flushed, as an event of
     * the preset `presetId` (the preview's choice) or else of the default preset.
     */
    async notify(raw: RawCustomer, presetId?: string): Promise<NotifyOutcome> {
      const at = now();
      const admitted = await outbox.intake(async () => {
        const settings = await readSettings();
        if (!settings) return { ok: false, status: 'not-sent', error: new NotSetUpError().message } as const;
        const preset = presetFor(settings, presetId);
        if (!preset) return { ok: false, status: 'not-sent', error: t('presetGone') } as const;
        const customer = normaliseCustomer(raw, { defaultCountry: settings.defaultCountry });
        if (!customer.ok) return { ok: false, status: 'not-sent', error: customer.error } as const;
        const event = buildInteraction(customer.user, settings.storeId, preset, new Date(at));
        return exclusive(async () => {
          const earlier = (await recentSince(at - DEDUPE_WINDOW_MS)).find((i) => sameInteraction(i.event, event));
          // (Unless the user discarded it meanwhile: then this click is a new interaction.)
          const current = earlier && (await store.get(earlier.id));
          if (current) return { item: current, duplicate: true };
          if (earlier) recent = recent?.filter((i) => i !== earlier);
          const item = await outbox.enqueue(event, at);
          recent?.push(item);
          return { item, duplicate: false };
        });
      });
      if ('status' in admitted) return admitted;
      return settle(admitted.item, admitted.duplicate);
    },

    /** Send a queued or refused item again now; with `raw`, the user's corrections replace its customer. */
    async retry(id: string, raw?: RawCustomer): Promise<NotifyOutcome> {
      const item = await store.get(id);
      if (!item) return { ok: false, status: 'not-sent', error: t('notInHistory') };
      let event = item.event;
      if (raw) {
        const customer = normaliseCustomer(raw, { defaultCountry: (await readSettings())?.defaultCountry });
        if (!customer.ok) return { ok: false, status: 'not-sent', error: customer.error };
        event = { ...item.event, user: customer.user };
      }
      const updated = await outbox.retry(id, event);
      return outcomeOf(updated ?? item, false);
    },
  };
}

export async function outcomeOf(item: OutboxItem, duplicate: boolean): Promise<NotifyOutcome> {
  const who = describeCustomer(item.event);
  if (item.status === 'sent') {
    return { ok: true, status: 'sent', id: item.id, message: t(duplicate ? 'alreadySent' : 'sentTo', who) };
  }
  if (item.status === 'dead') return { ok: false, status: 'failed', id: item.id, error: item.lastError ?? t('rayappRefusedIt') };
  const paused = await readPause();
  return {
    ok: false,
    status: 'queued',
    id: item.id,
    error: paused?.reason ?? item.lastError ?? t('waitingToBeSent'),
    retryAt: paused ? undefined : item.nextAttemptAt,
  };
}
