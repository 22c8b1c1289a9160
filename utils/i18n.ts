import { browser } from 'wxt/browser';
import type en from '@/public/_locales/en/messages.json';

/** A key of `public/_locales/en/messages.json`. */
export type MessageKey = keyof typeof en;

/**
 * A user-facing text in the browser's language (`public/_locales/<lang>/messages.json`; the
 * browser falls back to English). `$1…$9` in the message are the substitutions. Looked up when
 * called, never at import. Falls back to the key itself only if a message is missing altogether.
 */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  return browser.i18n.getMessage(key, substitutions.map(String)) || key;
}

/** A time of day ("14:32" / "2:32 PM") in the browser's language. */
export function formatTime(at: number): string {
  return new Intl.DateTimeFormat(browser.i18n.getUILanguage(), { hour: '2-digit', minute: '2-digit' }).format(at);
}

/** A date and time in the browser's language. */
export function formatDateTime(at: number): string {
  return new Intl.DateTimeFormat(browser.i18n.getUILanguage(), { dateStyle: 'short', timeStyle: 'medium' }).format(at);
}
