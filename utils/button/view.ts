/**
 * The in-page "Notify RayApp" button: a custom element with an open shadow root, so the CRM's CSS
 * can't reach it and ours can't leak out. Every text is set with textContent: scraped or server
 * text is never parsed as HTML.
 */
const STYLE = `
:host { all: initial; display: flex; align-items: center; gap: 8px; flex-wrap: wrap; margin: 8px 0;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2937; }
:host([data-floating]), :host([data-corner]) { position: fixed; right: 16px; bottom: 16px; z-index: 2147483647; background: #fff;
  padding: 8px 12px; border-radius: 8px; box-shadow: 0 4px 16px rgb(0 0 0 / .2); max-width: 360px; }
button { all: unset; cursor: pointer; display: inline-flex; align-items: center; gap: 6px; padding: 6px 12px;
  border-radius: 6px; background: #5b3cc4; color: #fff; font-weight: 600; }
button:hover { background: #4a2fa8; }
button:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
button[aria-busy="true"] { opacity: .7; cursor: progress; }
:host([data-floating]) button { display: none; }
.status:empty { display: none; }
.status { max-width: 420px; }
.status[data-tone="ok"] { color: #047857; }
.status[data-tone="warn"] { color: #b45309; }
.status[data-tone="error"] { color: #b91c1c; }
`;

import { PREVIEW_STYLE } from './preview';
import { t } from '@/utils/i18n';

export type Tone = 'ok' | 'warn' | 'error' | 'info';

export interface ButtonView {
  host: HTMLElement;
  /** Where the preview opens, beside the button. */
  root: ShadowRoot;
  busy(): void;
  show(tone: Tone, text: string): void;
  clear(): void;
}

/** The button's text, in the browser's language ("Notify RayApp" in English). */
export const buttonLabel = (): string => t('buttonLabel');

export function createButtonView(onClick: () => void): ButtonView {
  const host = document.createElement('rayapp-notifier');
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = STYLE + PREVIEW_STYLE;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = buttonLabel();
  button.addEventListener('click', (event) => {
    event.preventDefault();
    event.stopPropagation(); // the CRM must not treat our click as a click on its card
    if (button.getAttribute('aria-busy') !== 'true') onClick();
  });
  const status = document.createElement('span');
  status.className = 'status';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  root.append(style, button, status);

  return {
    host,
    root,
    busy() {
      button.setAttribute('aria-busy', 'true');
      status.dataset.tone = 'info';
      status.textContent = t('sending');
    },
    show(tone, text) {
      button.removeAttribute('aria-busy');
      status.dataset.tone = tone;
      status.textContent = text;
    },
    clear() {
      button.removeAttribute('aria-busy');
      status.textContent = '';
    },
  };
}
