// @vitest-environment-options {"url": "https://app.hubspot.com/contacts/1/record/0-1/2"}
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CrmAdapter, RawCustomer } from '@/utils/crm/types';
import type { NotifyOutcome } from '@/utils/messages/types';
import { mountNotifyButton } from './mount';

// A minimal adapter: record pages are /contacts/<n>/record/0-1/<id>; the record is `.card[data-email]`.
const adapter: CrmAdapter = {
  id: 'test',
  matches: ['https://app.hubspot.com/*'],
  isRecordPage: (url) => /^\/contacts\/\d+\/record\/0-1\/\d+$/.test(url.pathname),
  anchor: '.card',
  extract: (doc) => {
    const card = [...doc.querySelectorAll<HTMLElement>('.card')].find((c) => !c.hidden);
    return card ? { email: card.dataset.email } : null;
  },
};

let ctx: ContentScriptContext;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const hosts = () => document.querySelectorAll('rayapp-notifier');
const button = () => hosts()[0]!.shadowRoot!.querySelector('button')!;
const status = () => hosts()[0]!.shadowRoot!.querySelector('[role="status"]')!;

function card(email: string, hidden = false): HTMLElement {
  const el = document.createElement('div');
  el.className = 'card';
  el.dataset.email = email;
  el.hidden = hidden;
  return el;
}

/** Answer the content script's notify like the worker would, recording what was sent. */
function workerReplies(outcome: NotifyOutcome): RawCustomer[] {
  const sent: RawCustomer[] = [];
  fakeBrowser.runtime.onMessage.addListener((raw: unknown) => {
    const message = raw as { type: string; customer: RawCustomer };
    if (message.type !== 'notify') return undefined;
    sent.push(message.customer);
    return Promise.resolve(outcome);
  });
  return sent;
}

beforeEach(() => {
  history.replaceState(null, '', '/contacts/1/record/0-1/2');
  document.body.innerHTML = '<main id="app"></main>';
  ctx = new ContentScriptContext('test');
});
afterEach(() => ctx.notifyInvalidated());

describe('placement', () => {
  it('appears right after the record anchor once it renders, and only once', async () => {
    mountNotifyButton(ctx, adapter);
    expect(hosts()).toHaveLength(0);
    const anchor = card('ana@example.com');
    document.querySelector('#app')!.append(anchor);
    await flush();
    expect(hosts()).toHaveLength(1);
    expect(anchor.nextElementSibling?.tagName).toBe('RAYAPP-NOTIFIER');
    for (let i = 0; i < 5; i++) document.querySelector('#app')!.append(document.createElement('p'));
    await flush();
    expect(hosts()).toHaveLength(1);
    expect(button().textContent).toBe('Notify RayApp');
  });

  it('goes next to the visible record, not a hidden cached one', async () => {
    const cached = card('old@example.com', true);
    const visible = card('new@example.com');
    document.querySelector('#app')!.append(cached, visible);
    mountNotifyButton(ctx, adapter);
    await flush();
    expect(visible.nextElementSibling?.tagName).toBe('RAYAPP-NOTIFIER');
    // The CRM switches records: the old one is hidden, the cached one shown again.
    visible.hidden = true;
    cached.hidden = false;
    cached.setAttribute('data-switched', '');
    await flush();
    expect(hosts()).toHaveLength(1);
    expect(cached.nextElementSibling?.tagName).toBe('RAYAPP-NOTIFIER');
  });

  it('goes away when the SPA navigates off a record page, and comes back', async () => {
    document.querySelector('#app')!.append(card('ana@example.com'));
    mountNotifyButton(ctx, adapter);
    await flush();
    expect(hosts()).toHaveLength(1);
    history.pushState(null, '', '/contacts/1/objects/0-1/views/all/list');
    document.querySelector('#app')!.append(document.createElement('table')); // the list renders
    await flush();
    expect(hosts()).toHaveLength(0);
    history.pushState(null, '', '/contacts/1/record/0-1/3');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await flush();
    expect(hosts()).toHaveLength(1);
  });

  it('is removed when the extension is updated or disabled (context invalidated)', async () => {
    document.querySelector('#app')!.append(card('ana@example.com'));
    mountNotifyButton(ctx, adapter);
    await flush();
    ctx.notifyInvalidated();
    expect(hosts()).toHaveLength(0);
  });
});

describe('click', () => {
  it('sends the customer visible at click time and shows the outcome as text', async () => {
    const sent = workerReplies({ ok: true, status: 'sent', id: '1', message: 'Sent to RayApp: <img src=x onerror=alert(1)>' });
    const first = card('first@example.com');
    document.querySelector('#app')!.append(first);
    mountNotifyButton(ctx, adapter);
    await flush();
    first.dataset.email = 'edited@example.com'; // the user edited the record after it rendered
    button().click();
    await vi.waitFor(() => expect(status().textContent).toContain('Sent to RayApp'));
    expect(sent).toEqual([{ email: 'edited@example.com' }]);
    expect(status().textContent).toBe('✓ Sent to RayApp: <img src=x onerror=alert(1)>');
    expect(hosts()[0]!.shadowRoot!.querySelector('img')).toBeNull();
  });

  it('a queued interaction says when it will be retried, and why', async () => {
    const retryAt = new Date(2026, 11, 3, 14, 32).getTime();
    workerReplies({ ok: false, status: 'queued', id: '1', error: 'RayApp is unavailable right now (HTTP 503)', retryAt });
    document.querySelector('#app')!.append(card('ana@example.com'));
    mountNotifyButton(ctx, adapter);
    await flush();
    button().click();
    const at = new Date(retryAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    await vi.waitFor(() => expect(status().textContent).toBe(`Queued — retrying at ${at} (RayApp is unavailable right now (HTTP 503))`));
  });

  it('a refused interaction shows RayApp\'s reason and where to fix it', async () => {
    workerReplies({ ok: false, status: 'failed', id: '1', error: 'user.phone: not a mobile number' });
    document.querySelector('#app')!.append(card('ana@example.com'));
    mountNotifyButton(ctx, adapter);
    await flush();
    button().click();
    await vi.waitFor(() => expect(status().textContent).toBe('Failed: user.phone: not a mobile number. Fix it in the RayApp popup.'));
  });

  it('tells the user when the extension is gone (worker unreachable)', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValueOnce(new Error('Extension context invalidated.'));
    document.querySelector('#app')!.append(card('ana@example.com'));
    mountNotifyButton(ctx, adapter);
    await flush();
    button().click();
    await vi.waitFor(() => expect(status().textContent).toMatch(/reload the page/));
  });

  it('when the adapter finds the record but no email or phone, the generic detector fills them in', async () => {
    const sent = workerReplies({ ok: true, status: 'sent', id: '1', message: 'Sent to RayApp: Ana' });
    const nameOnly: CrmAdapter = { ...adapter, extract: () => ({ fullName: 'Ana García' }) };
    document.querySelector('#app')!.append(card(''));
    document.querySelector('#app')!.insertAdjacentHTML('beforeend', '<p>Email: <a href="mailto:ana.garcia@example.es?subject=Hola">ana.garcia@example.es</a></p>');
    mountNotifyButton(ctx, nameOnly);
    await flush();
    button().click();
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ fullName: 'Ana García', email: 'ana.garcia@example.es' });
  });

  it('the fallback never guesses between several people on the page', async () => {
    const sent = workerReplies({ ok: false, status: 'not-sent', error: 'No email or phone on this page' });
    const nameOnly: CrmAdapter = { ...adapter, extract: () => ({ fullName: 'Ana García' }) };
    document.querySelector('#app')!.append(card(''));
    document.querySelector('#app')!.insertAdjacentHTML(
      'beforeend',
      '<table><tr><th>Name</th><th>Email</th></tr><tr><td>Bob</td><td><a href="mailto:bob@example.com">bob@example.com</a></td></tr>' +
        '<tr><td>Eve</td><td><a href="mailto:eve@example.com">eve@example.com</a></td></tr><tr><td>Dan</td><td><a href="mailto:dan@example.com">dan@example.com</a></td></tr></table>',
    );
    mountNotifyButton(ctx, nameOnly);
    await flush();
    button().click();
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ fullName: 'Ana García' });
  });

  it('runs the same path when the context menu asks', async () => {
    const sent = workerReplies({ ok: true, status: 'sent', id: '1', message: 'Sent to RayApp: ana@example.com' });
    document.querySelector('#app')!.append(card('ana@example.com'));
    mountNotifyButton(ctx, adapter);
    await flush();
    await fakeBrowser.runtime.sendMessage({ type: 'menu:notify' });
    await vi.waitFor(() => expect(sent).toHaveLength(1));
  });
});
