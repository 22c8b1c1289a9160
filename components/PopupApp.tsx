import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendToWorker } from '@/utils/messages/send';
import type { HistoryView, NotifyOutcome, SetupView } from '@/utils/messages/types';
import { SetupForm } from './SetupForm';
import { History } from './History';
import { SitesPanel } from './SitesPanel';
import { t, type MessageKey } from '@/utils/i18n';

type Tab = 'history' | 'setup' | 'sites';
const TAB_LABELS: Record<Tab, MessageKey> = { history: 'tabSent', setup: 'tabSetup', sites: 'tabSites' };

/** The popup: setup and connection test, what was sent, and where RayApp is enabled. */
export function PopupApp() {
  const [setup, setSetup] = useState<SetupView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [history, setHistory] = useState<HistoryView>({ entries: [], queued: 0, dead: 0 });
  const [busy, setBusy] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('history');

  async function refreshHistory() {
    const reply = await sendToWorker({ type: 'history:get' });
    if (reply.ok) setHistory(reply.history);
  }

  useEffect(() => {
    void (async () => {
      const reply = await sendToWorker({ type: 'setup:get' });
      if (!reply.ok) return setLoadError(reply.error);
      setSetup(reply.setup);
      if (!reply.setup.configured || reply.setup.problem) setTab('setup');
      // While the popup is open, the list follows what the worker does.
      setInterval(() => void refreshHistory(), 2_000);
      await refreshHistory();
    })();
  }, []);

  if (loadError) return <p class="notice error">{loadError}</p>;
  if (!setup) return <p class="notice info">{t('loading')}</p>;

  return (
    <main>
      <header>
        <h1>{t('extName')}</h1>
        <nav role="tablist" aria-label={t('sections')}>
          {(Object.keys(TAB_LABELS) as Tab[]).map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={tab === name}
              onClick={() => setTab(name)}
            >
              {t(TAB_LABELS[name])}
            </button>
          ))}
        </nav>
      </header>
      {tab === 'sites' ? (
        <SitesPanel />
      ) : tab === 'setup' ? (
        <SetupForm
          setup={setup}
          onSave={async (form) => {
            const reply = await sendToWorker({ type: 'setup:save', form });
            if (reply.ok) setSetup(reply.setup);
            return reply;
          }}
          onTest={() => sendToWorker({ type: 'connection:test' })}
          onOpenPresets={() => void browser.runtime.openOptionsPage()}
        />
      ) : (
        <History
          history={history}
          busy={busy}
          onRetry={async (id) => {
            setBusy(id);
            await sendToWorker({ type: 'history:retry', id });
            setBusy(null);
            await refreshHistory();
          }}
          onResend={async (id, customer) => {
            setBusy(id);
            const outcome: NotifyOutcome = await sendToWorker({ type: 'history:resend', id, customer });
            setBusy(null);
            await refreshHistory();
            return outcome.status === 'not-sent' ? outcome.error : null;
          }}
          onDiscard={async (id) => {
            await sendToWorker({ type: 'history:discard', id });
            await refreshHistory();
          }}
          onSignIn={() => setTab('setup')}
          onClear={async () => {
            await sendToWorker({ type: 'history:clear' });
            await refreshHistory();
          }}
        />
      )}
    </main>
  );
}
