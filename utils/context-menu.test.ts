import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Browser } from 'wxt/browser';
import { createMenuActions, NOTIFY_COMMAND, NOTIFY_LINK_MENU, NOTIFY_PAGE_MENU, NOTIFY_SELECTION_MENU } from './context-menu';
import type { NotifyOutcome } from '@/utils/messages/types';
import type { RawCustomer } from '@/utils/crm/types';

const tab = { id: 7 } as Browser.tabs.Tab;
const sent: NotifyOutcome = { ok: true, status: 'sent', id: 'x', message: 'Sent to RayApp: Ana' };
let toTab: Mock<(tabId: number, message: unknown, options?: unknown) => Promise<unknown>>;
let notify: Mock<(customer: RawCustomer) => Promise<NotifyOutcome>>;

beforeEach(() => {
  toTab = vi.fn<(tabId: number, message: unknown, options?: unknown) => Promise<unknown>>().mockResolvedValue(undefined);
  notify = vi.fn<(customer: RawCustomer) => Promise<NotifyOutcome>>().mockResolvedValue(sent);
  Object.assign(fakeBrowser.tabs, { sendMessage: toTab });
});
const click = (info: Partial<Browser.contextMenus.OnClickData> & { linkText?: string }, on: Browser.tabs.Tab | undefined = tab) =>
  createMenuActions({ notify, previewFirst: async () => false }).onMenuClick(info as Browser.contextMenus.OnClickData, on);

describe('menus', () => {
  it('page: the tab’s button does its click (scrape now, the record on screen)', async () => {
    await click({ menuItemId: NOTIFY_PAGE_MENU });
    expect(toTab).toHaveBeenCalledWith(7, { type: 'menu:notify' }, { frameId: 0 });
    expect(notify).not.toHaveBeenCalled();
  });

  it('selection: the parsed customer is notified and the outcome shown on the tab', async () => {
    await click({ menuItemId: NOTIFY_SELECTION_MENU, selectionText: 'Ana García <ana@example.es>' });
    expect(notify).toHaveBeenCalledWith(expect.objectContaining({ email: 'ana@example.es' }));
    expect(toTab).toHaveBeenCalledWith(7, { type: 'notify:outcome', outcome: sent }, { frameId: 0 });
  });

  it('selection with nothing to send: told, nothing notified', async () => {
    await click({ menuItemId: NOTIFY_SELECTION_MENU, selectionText: 'see you on Monday' });
    expect(notify).not.toHaveBeenCalled();
    expect(toTab).toHaveBeenCalledWith(7, { type: 'notify:outcome', outcome: { ok: false, status: 'not-sent', error: 'No email or phone in the selected text' } }, { frameId: 0 });
  });

  it('link: tel: with its text as the name; an ordinary link is refused', async () => {
    await click({ menuItemId: NOTIFY_LINK_MENU, linkUrl: 'tel:+34600123456', linkText: 'Ana García' });
    expect(notify).toHaveBeenCalledWith({ phone: '+34600123456', fullName: 'Ana García' });
    await click({ menuItemId: NOTIFY_LINK_MENU, linkUrl: 'https://example.com/' });
    expect(notify).toHaveBeenCalledTimes(1);
    expect(toTab).toHaveBeenLastCalledWith(7, expect.objectContaining({ outcome: expect.objectContaining({ status: 'not-sent' }) }), { frameId: 0 });
  });

  it('a tab whose script is gone (opened before an update) does not throw', async () => {
    toTab.mockRejectedValue(new Error('Could not establish connection'));
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    await expect(click({ menuItemId: NOTIFY_PAGE_MENU })).resolves.toBeUndefined();
  });

  it('other items and tab-less clicks are ignored', async () => {
    await click({ menuItemId: 'something-else' });
    await click({ menuItemId: NOTIFY_PAGE_MENU }, {} as Browser.tabs.Tab); // a tab-less click (e.g. from a devtools page)
    expect(toTab).not.toHaveBeenCalled();
  });
});

it('with the preview on, a found customer opens it on the page instead of being sent', async () => {
  await createMenuActions({ notify, previewFirst: async () => true }).onMenuClick(
    { menuItemId: NOTIFY_SELECTION_MENU, selectionText: 'ana@example.es' } as Browser.contextMenus.OnClickData,
    tab,
  );
  expect(notify).not.toHaveBeenCalled();
  expect(toTab).toHaveBeenCalledWith(7, { type: 'preview:open', customer: { email: 'ana@example.es' } }, { frameId: 0 });
});

describe('shortcut', () => {
  it('notifies about the customer on the tab it was pressed on', async () => {
    await createMenuActions({ notify, previewFirst: async () => false }).onCommand(NOTIFY_COMMAND, tab);
    expect(toTab).toHaveBeenCalledWith(7, { type: 'menu:notify' }, { frameId: 0 });
  });

  it('without a tab, the active one; other commands are ignored', async () => {
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 9 } as Browser.tabs.Tab]);
    await createMenuActions({ notify, previewFirst: async () => false }).onCommand(NOTIFY_COMMAND);
    expect(toTab).toHaveBeenCalledWith(9, { type: 'menu:notify' }, { frameId: 0 });
    await createMenuActions({ notify, previewFirst: async () => false }).onCommand('_execute_action', tab);
    expect(toTab).toHaveBeenCalledTimes(1);
  });
});
