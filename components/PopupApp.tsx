import { useEffect, useState } from 'preact/hooks';
import { sendToWorker } from '@/utils/messages/send';
import type { SetupView } from '@/utils/messages/types';
import type { HistoryEntry } from '@/utils/history';
import { SetupForm } from './SetupForm';
import { History } from './History';

/** The popup: setup and connection test, then what was sent. Everything goes through the worker. */
export function PopupApp() {
  const [setup, setSetup] = useState<SetupView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [entries, setEntries] = useState<HistoryEntry[]>([]);
  const [retrying, setRetrying] = useState<string | null>(null);
  const [tab, setTab] = useState<'history' | 'setup'>('history');

  async function refreshHistory() {
    const reply = await sendToWorker({ type: 'history:get' });
    if (reply.ok) setEntries(reply.entries);
  }

  useEffect(() => {
    void (async () => {
      const reply = await sendToWorker({ type: 'setup:get' });
      if (!reply.ok) return setLoadError(reply.error);
      setSetup(reply.setup);
      if (!reply.setup.configured || reply.setup.problem) setTab('setup');
      await refreshHistory();
    })();
  }, []);

  if (loadError) return <p class="notice error">{loadError}</p>;
  if (!setup) return <p class="notice info">Loading…</p>;

  return (
    <main>
      <header>
        <h1>RayApp Notifier</h1>
        <nav role="tablist" aria-label="Sections">
          {(['history', 'setup'] as const).map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={tab === name}
              onClick={() => setTab(name)}
            >
              {name === 'history' ? 'Sent' : 'Setup'}
            </button>
          ))}
        </nav>
      </header>
      {tab === 'setup' ? (
        <SetupForm
          setup={setup}
          onSave={async (form) => {
            const reply = await sendToWorker({ type: 'setup:save', form });
            if (reply.ok) setSetup(reply.setup);
            return reply;
          }}
          onTest={() => sendToWorker({ type: 'connection:test' })}
        />
      ) : (
        <History
          entries={entries}
          retrying={retrying}
          onRetry={async (id) => {
            setRetrying(id);
            await sendToWorker({ type: 'history:retry', id });
            setRetrying(null);
            await refreshHistory();
          }}
          onClear={async () => {
            await sendToWorker({ type: 'history:clear' });
            await refreshHistory();
          }}
        />
      )}
    </main>
  );
}
