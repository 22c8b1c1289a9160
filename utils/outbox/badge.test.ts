import { describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { showBadge } from './badge';

const RED = [185, 28, 28, 255]; // #b91c1c
const AMBER = [180, 83, 9, 255]; // #b45309

async function badge() {
  return {
    text: await browser.action.getBadgeText({}),
    color: await browser.action.getBadgeBackgroundColor({}),
    title: await browser.action.getTitle({}),
  };
}

describe('showBadge', () => {
  it('only waiting items → their count, amber', async () => {
    await showBadge({ queued: 3, dead: 0, paused: false });
    expect(await badge()).toEqual({ text: '3', color: AMBER, title: 'RayApp Notifier — 3 waiting to be sent' });
  });

  it('any dead letter → queued + dead, red (the user must act)', async () => {
    await showBadge({ queued: 2, dead: 1, paused: false });
    expect(await badge()).toEqual({ text: '3', color: RED, title: 'RayApp Notifier — 2 waiting to be sent, 1 refused by RayApp' });
  });

  it('paused with items waiting → the count, red, "sign in again"', async () => {
    await showBadge({ queued: 4, dead: 0, paused: true });
    expect(await badge()).toEqual({ text: '4', color: RED, title: 'RayApp Notifier — sign in again, 4 waiting to be sent' });
  });

  it('paused with nothing waiting → "!", red', async () => {
    await showBadge({ queued: 0, dead: 0, paused: true });
    expect(await badge()).toMatchObject({ text: '!', color: RED, title: expect.stringContaining('sign in again') });
  });

  it('more than 999 → "999+"', async () => {
    await showBadge({ queued: 10_000, dead: 0, paused: false });
    expect((await badge()).text).toBe('999+');
  });

  it('all delivered → cleared, plain title', async () => {
    await showBadge({ queued: 5, dead: 2, paused: true });
    await showBadge({ queued: 0, dead: 0, paused: false });
    expect(await badge()).toMatchObject({ text: '', title: 'RayApp Notifier' });
  });
});
