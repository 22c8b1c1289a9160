import { browser } from 'wxt/browser';
import type { InteractionEvent } from '@/utils/interaction';
import type { Settings } from '@/utils/settings';
import { postInteractions } from '@/utils/rayapp/interactions';
import { RayAppError } from '@/utils/rayapp/errors';
import type { HttpOptions } from '@/utils/rayapp/http';
import { NotSetUpError, type TokenSession } from '@/utils/session/token-session';
import { CredentialsUnreadableError } from '@/utils/session/credentials';
import type { OutboxItem } from './db';
import { isOutboxItem, type OutboxStore } from './store';
import { backoffDelay, parseRetryAfter } from './backoff';
import { pause, readPause, resume } from './pause';
import { t } from '@/utils/i18n';

/** The API takes an array: one POST carries up to this many events. */
export const BATCH_SIZE = 50;
export const RETRY_ALARM = 'rayapp-outbox-retry';
/** Below this, a retry is also timed in memory: alarms fire no sooner than 30 s in a packed extension. */
const IN_MEMORY_RETRY_MS = 60_000;
/** The longest a pass waits for notifies still on their way in: a steady stream can't starve sending. */
const MAX_INTAKE_WAIT_MS = 200;

export interface OutboxDeps {
  store: OutboxStore;
  session: TokenSession;
  loadSettings(): Promise<Settings | null>;
  now?: () => number;
  random?: () => number;
  post?: typeof postInteractions;
  /** Fetch and client timeout for the interactions request (tests shorten it). */
  http?: HttpOptions;
  /** Called after a flush that changed something (badge). */
  onSettled?: () => void;
}

type BatchResult = 'continue' | 'stop';

/**
 * The durable outbox: every interaction is written to IndexedDB first, then flushed in batches.
 * Retries are driven by an alarm (survives the worker and the browser), refused events are bisected
 * out into dead letters, and bad credentials pause the queue instead of dropping anything.
 */
export function createOutbox(deps: OutboxDeps) {
  const { store, session } = deps;
  const now = deps.now ?? Date.now;
  const post = deps.post ?? postInteractions;
  let running: Promise<void> | undefined;
  let dirty = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // After a server or network failure the whole queue waits (backoff / Retry-After), not just the
  // batch that failed: otherwise the next batch would go straight into the same outage or rate limit.
  let holdUntil = 0;
  let failures = 0;
  // Only the outbox pauses and resumes, so it keeps the answer in memory after one read.
  let paused: boolean | undefined;
  // The click path: items enqueued since the last pass, and when the backlog is next due (as of
  // the last pass; undefined: not known). While no older item is due, a fresh one is sent without
  // reading it back from the database first.
  let fresh: OutboxItem[] = [];
  let backlogDueAt: number | null | undefined;
  /** Whether the running flush changed any item's state (so the badge needs a refresh). */
  let changed = false;
  // Notifies still on their way into the outbox. A pass waits for them (briefly), so that many
  // clicks at once — or a burst from several tabs — share batches instead of racing each other.
  let intake = 0;
  let intakeDone: (() => void) | undefined;
  let intakeIdle: Promise<void> = Promise.resolve();

  function waitForIntake(): Promise<void> {
    let timeout: ReturnType<typeof setTimeout> | undefined;
    return Promise.race([intakeIdle, new Promise<void>((done) => (timeout = setTimeout(done, MAX_INTAKE_WAIT_MS)))]).finally(() =>
      clearTimeout(timeout),
    );
  }

  async function markSent(batch: OutboxItem[]): Promise<void> {
    changed = true;
    const at = now();
    await store.putAll(batch.map((item) => ({ ...item, status: 'sent', attempts: item.attempts + 1, sentAt: at, lastError: undefined })));
    await store.trimSent();
  }

  /** Hold the queue after a failure that may pass: Retry-After when the server gave one, else backoff. */
  function hold(error: unknown): number {
    failures++;
    const retryAfter = error instanceof RayAppError ? parseRetryAfter(error.retryAfter, now()) : undefined;
    holdUntil = now() + Math.max(1_000, retryAfter ?? backoffDelay(failures, deps.random));
    return holdUntil;
  }

  async function reschedule(batch: OutboxItem[], error: Error): Promise<void> {
    changed = true;
    const at = hold(error);
    await store.putAll(batch.map((item) => ({ ...item, attempts: item.attempts + 1, nextAttemptAt: at, lastError: error.message })));
  }

  /** Login problems the user must fix (credentials, server address): pause, never dead-letter. */
  function needsUser(error: unknown): boolean {
    return (
      (error instanceof RayAppError && (error.kind === 'client' || error.kind === 'user' || error.kind === 'login-refused')) ||
      error instanceof NotSetUpError ||
      error instanceof CredentialsUnreadableError
    );
  }

  async function pauseFor(error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : t('signInAgain');
    await pause(error instanceof RayAppError ? t('pauseReason', message) : message, now());
    paused = true;
    changed = true;
  }

  async function isPaused(): Promise<boolean> {
    paused ??= !!(await readPause());
    return paused;
  }

  /** The next batch: the fresh items when nothing older can be due, else the oldest due items. */
  async function nextBatch(): Promise<OutboxItem[]> {
    const backlogIdle = backlogDueAt === null || (backlogDueAt !== undefined && backlogDueAt > now());
    if (fresh.length > 0 && backlogIdle) return fresh.splice(0, BATCH_SIZE).sort((a, b) => a.createdAt - b.createdAt);
    fresh = [];
    return store.due(now(), BATCH_SIZE);
  }

  /**
   * One login serves the flush. Its failure is about the setup or the network, never the events:
   * pause for the user, or hold the queue (the batch at hand records why it waits).
   */
  async function ready(batch: OutboxItem[]): Promise<boolean> {
    try {
      await session.token();
      return true;
    } catch (error) {
      if (needsUser(error)) await pauseFor(error);
      else await reschedule(batch, error instanceof Error ? error : new Error(t('loginFailed')));
      return false;
    }
  }

  /** Send one batch; a refusal is bisected so the good events still land and the bad ones are named. */
  async function send(batch: OutboxItem[], settings: Settings): Promise<BatchResult> {
    try {
      await session.authorised((authorization) => post(settings.apiBase, authorization, batch.map((item) => item.event), deps.http));
      failures = 0;
      await markSent(batch);
      return 'continue';
    } catch (error) {
      if (error instanceof RayAppError && error.kind === 'rejected') {
        if (batch.length === 1) {
          changed = true;
          const [item] = batch as [OutboxItem];
          await store.put({ ...item, status: 'dead', attempts: item.attempts + 1, lastError: error.message });
          return 'continue';
        }
        const half = Math.ceil(batch.length / 2);
        if ((await send(batch.slice(0, half), settings)) === 'stop') return 'stop';
        return send(batch.slice(half), settings);
      }
      if (needsUser(error)) {
        await pauseFor(error);
        return 'stop';
      }
      if (!(error instanceof RayAppError)) console.error('RayApp Notifier: unexpected failure while sending', error);
      await reschedule(batch, error instanceof Error ? error : new Error(t('unexpectedSending')));
      return 'stop';
    }
  }

  /** One pass: send every due batch until none is left or the server says stop; then plan the next pass. */
  async function pass(): Promise<void> {
    const settings = (await isPaused()) ? null : await deps.loadSettings();
    // Paused, held after a failure, or never set up: items stay queued until their time or the user acts.
    if (settings && now() >= holdUntil) {
      let loggedIn = false;
      for (;;) {
        await waitForIntake();
        const batch = await nextBatch();
        if (batch.length === 0) break;
        if (!loggedIn && !(loggedIn = await ready(batch))) break;
        if ((await send(batch, settings)) === 'stop') break;
      }
    }
    fresh = []; // whatever was not sent is in the database, found by due() from now on
    await scheduleNext(await isPaused());
  }

  async function scheduleNext(pausedNow: boolean): Promise<void> {
    clearTimeout(timer);
    const queued = await store.nextAttemptAt();
    backlogDueAt = queued;
    const next = pausedNow || queued === null ? null : Math.max(queued, holdUntil);
    if (next === null) {
      await browser.alarms.clear(RETRY_ALARM);
      return;
    }
    await browser.alarms.create(RETRY_ALARM, { when: Math.max(next, now() + 1_000) });
    const delay = next - now();
    if (delay < IN_MEMORY_RETRY_MS) timer = setTimeout(() => void flush(), Math.max(0, delay));
  }

  /**
   * Deliver everything that is due. Concurrent callers join the running flush, which looks again
   * for due items before it ends, so an item added meanwhile is never left behind.
   */
  function flush(): Promise<void> {
    dirty = true;
    running ??= (async () => {
      try {
        // A flush() during a pass sets `dirty` again, so its item is looked for before we end.
        while (dirty) {
          dirty = false;
          await pass();
        }
      } catch (error) {
        console.error('RayApp Notifier: flush failed', error);
      } finally {
        running = undefined;
        if (changed) deps.onSettled?.();
        changed = false;
      }
    })();
    return running;
  }

  return {
    flush,

    async enqueue(event: InteractionEvent, createdAt: number): Promise<OutboxItem> {
      const item: OutboxItem = { id: crypto.randomUUID(), createdAt, event, status: 'queued', attempts: 0, nextAttemptAt: createdAt };
      // What goes in must come out: an item the store could not read back would sit in the queue for ever.
      if (!isOutboxItem(item)) throw new Error(t('cannotStore'));
      await store.add(item);
      fresh.push(item);
      changed = true;
      return item;
    },

    /** Run a notify's way into the outbox (checks, dedupe, enqueue) as intake that a pass waits for. */
    async intake<T>(work: () => Promise<T>): Promise<T> {
      if (intake++ === 0) intakeIdle = new Promise((done) => (intakeDone = done));
      try {
        return await work();
      } finally {
        if (--intake === 0) intakeDone?.();
      }
    },

    /** Try a queued or refused item again now (a refused one after the user edited it). */
    async retry(id: string, event?: InteractionEvent): Promise<OutboxItem | undefined> {
      const item = await store.get(id);
      if (!item || item.status === 'sent') return item;
      const updated: OutboxItem = { ...item, event: event ?? item.event, status: 'queued', nextAttemptAt: now() };
      if (!isOutboxItem(updated)) throw new Error(t('cannotSend'));
      await store.put(updated);
      holdUntil = 0; // the user asked for it now
      backlogDueAt = undefined;
      await flush();
      return store.get(id);
    },

    /** After the user fixed the setup: lift the pause and send what waited. */
    async resume(): Promise<void> {
      await resume();
      paused = false;
      holdUntil = 0;
      backlogDueAt = undefined;
      await flush();
    },

    /** The browser is back online: what waited for the network goes now, not at its next backoff. */
    online(): Promise<void> {
      holdUntil = 0;
      return flush();
    },

    async onAlarm(name: string): Promise<void> {
      if (name === RETRY_ALARM) await flush();
    },
  };
}

export type Outbox = ReturnType<typeof createOutbox>;
