import { beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import en from '../public/_locales/en/messages.json';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** chrome.i18n.getMessage over the English messages: named placeholders, then $1…$9. */
function englishMessage(key: string, substitutions?: string | string[]): string {
  const entry = (en as Messages)[key];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const fill = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
  return entry.message.replace(/\$(\w+)\$/g, (whole, name: string) => {
    const placeholder = entry.placeholders?.[name.toLowerCase()];
    return placeholder ? fill(placeholder.content) : whole;
  });
}

// Every test starts with empty storage, no alarms and no listeners.
beforeEach(() => {
  fakeBrowser.reset();
  // fakeBrowser leaves these unimplemented: by default no optional site is enabled. Tests that
  // enable one spy on them again.
  vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
  // fakeBrowser throws on i18n: the English messages, as the browser would give them.
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation(englishMessage);
  vi.spyOn(fakeBrowser.i18n, 'getUILanguage').mockReturnValue('en-US');
  vi.spyOn(fakeBrowser.permissions, 'getAll').mockResolvedValue({ origins: [], permissions: [] });
});
