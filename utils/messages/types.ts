/**
 * Every runtime message of the extension and its reply. Types only (no runtime code), so content
 * scripts can import them without pulling zod in; the worker validates with ./schemas.
 */
import type { RawCustomer } from '@/utils/crm/types';
import type { SetupField } from '@/utils/settings';
import type { OutboxItem } from '@/utils/outbox/db';
import type { Preset, PresetDraft } from '@/utils/presets/schema';

/** Content script → worker. */
export interface NotifyMessage {
  type: 'notify';
  customer: RawCustomer;
  /** The event preset to use (the preview's picker); without it, the default preset. */
  presetId?: string;
}

/** Extension pages (popup, options) → worker. */
export type PageMessage =
  | { type: 'setup:get' }
  | { type: 'setup:save'; form: Record<SetupField, string | boolean> }
  | { type: 'connection:test' }
  | { type: 'history:get' }
  | { type: 'history:retry'; id: string }
  | { type: 'history:resend'; id: string; customer: RawCustomer }
  | { type: 'history:discard'; id: string }
  | { type: 'history:clear' }
  | { type: 'presets:get' }
  /** The whole list, customProps as the rows typed (so that two equal keys can be flagged). */
  | { type: 'presets:save'; presets: PresetDraft[]; defaultPresetId: string };

/** Content script → worker: what the preview needs (no secrets: preset names and the setting). */
export interface PreviewMessage {
  type: 'preview:get';
}

export type WorkerMessage = NotifyMessage | PreviewMessage | PageMessage;

/** Worker → content script: the page menu or the shortcut asks the page's button to do its click. */
export interface MenuNotifyMessage {
  type: 'menu:notify';
}

/** Worker → content script: show what became of a notify started elsewhere (selection, link menus). */
export interface OutcomeMessage {
  type: 'notify:outcome';
  outcome: NotifyOutcome;
}

export type NotifyOutcome =
  | { ok: true; status: 'sent'; id: string; message: string }
  /** In the outbox, to be retried at `retryAt` — or, without it, once the user signs in again. */
  | { ok: false; status: 'queued'; id: string; error: string; retryAt?: number }
  /** RayApp refused it (a retry as it is can't help): kept as a dead letter to edit and resend. */
  | { ok: false; status: 'failed'; id: string; error: string }
  /** Nothing was sent nor kept: nothing sendable was found, or the extension is not set up. */
  | { ok: false; status: 'not-sent'; error: string };

export interface SetupView {
  apiBase: string;
  storeId: string;
  eventType: string;
  eventSubType: string;
  defaultCountry: string;
  remember: boolean;
  sendWithoutPreview: boolean;
  clientId: string;
  apiUser: string;
  /** Secrets never leave the worker: the popup only learns whether one is saved. */
  hasClientSecret: boolean;
  hasApiPassword: boolean;
  configured: boolean;
  /** Why saved credentials can't be used, when that is so. */
  problem?: string;
}

export type ConnectionPart = 'client' | 'user' | 'server' | 'setup';

export type Failure = { ok: false; error: string };

export interface PreviewView {
  /** False when the user chose "Send without preview". */
  preview: boolean;
  presets: { id: string; name: string }[];
  defaultPresetId: string;
}

/** Worker → content script: open the preview with a customer found elsewhere (selection, link menus). */
export interface PreviewOpenMessage {
  type: 'preview:open';
  customer: RawCustomer;
}

export interface Replies {
  notify: NotifyOutcome;
  'preview:get': ({ ok: true } & PreviewView) | Failure;
  'setup:get': { ok: true; setup: SetupView } | Failure;
  'setup:save': { ok: true; setup: SetupView } | { ok: false; error: string; fields: Partial<Record<SetupField, string>> };
  'connection:test': { ok: true; expiresInSeconds: number } | { ok: false; error: string; part: ConnectionPart };
  'history:get': { ok: true; history: HistoryView } | Failure;
  'history:retry': NotifyOutcome;
  'history:resend': NotifyOutcome;
  'history:discard': { ok: true } | Failure;
  'history:clear': { ok: true } | Failure;
  'presets:get': ({ ok: true } & SavedPresets) | Failure;
  /** `fields`: path → message, e.g. "presets.1.name", "presets.0.customProps.2.key", "defaultPresetId". */
  'presets:save': ({ ok: true } & SavedPresets) | { ok: false; error: string; fields: Record<string, string> };
}

export interface SavedPresets {
  presets: Preset[];
  defaultPresetId: string;
}

export interface HistoryView {
  /** Newest first: the last 100 interactions, whatever their state. */
  entries: OutboxItem[];
  queued: number;
  dead: number;
  /** Why sending is paused (credentials refused), when it is. */
  paused?: string;
  /** When the session token will be renewed, if there is one. */
  tokenRenewsAt?: number;
}

export type ReplyTo<M extends WorkerMessage> = Replies[M['type']];
