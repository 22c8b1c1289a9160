import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n';

const RED = '#b91c1c';
const AMBER = '#b45309';

/** Queued + refused count on the toolbar icon, red when the user must act, cleared when all is delivered. */
export async function showBadge({ queued, dead, paused }: { queued: number; dead: number; paused: boolean }): Promise<void> {
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  if (!action) return;
  const count = queued + dead;
  if (count === 0 && !paused) {
    await action.setBadgeText({ text: '' });
    await action.setTitle({ title: t('extName') });
    return;
  }
  await action.setBadgeText({ text: paused && count === 0 ? '!' : count > 999 ? '999+' : String(count) });
  await action.setBadgeBackgroundColor({ color: dead > 0 || paused ? RED : AMBER });
  const parts = [
    paused ? t('badgeSignIn') : '',
    queued ? t('waitingCount', queued) : '',
    dead ? t('refusedCount', dead) : '',
  ].filter(Boolean);
  await action.setTitle({ title: t('badgeTitle', parts.join(', ')) });
}
