import { useState } from 'preact/hooks';
import type { OutboxItem } from '@/utils/outbox/db';
import type { HistoryView } from '@/utils/messages/types';
import type { RawCustomer } from '@/utils/crm/types';
import { describeCustomer } from '@/utils/describe-customer';
import { formatDateTime, formatTime, t, type MessageKey } from '@/utils/i18n';

export interface HistoryProps {
  history: HistoryView;
  busy: string | null;
  onRetry(id: string): void;
  onResend(id: string, customer: RawCustomer): Promise<string | null>;
  onDiscard(id: string): void;
  onClear(): void;
  onSignIn(): void;
}

const STATUS_LABEL: Record<OutboxItem['status'], MessageKey> = { sent: 'statusSent', queued: 'statusQueued', dead: 'statusFailed' };

/** What was sent, what waits (and until when), and what RayApp refused — with a way to fix it. */
export function History({ history, busy, onRetry, onResend, onDiscard, onClear, onSignIn }: HistoryProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const { entries, queued, dead, paused } = history;
  return (
    <>
      {paused && (
        <div class="banner error" role="alert">
          <span>{t('pausedBanner', paused)}</span>
          <button type="button" onClick={onSignIn}>
            {t('signInAgain')}
          </button>
        </div>
      )}
      <p class="summary">
        {queued > 0 || dead > 0
          ? [queued > 0 && t('waitingCount', queued), dead > 0 && t('refusedCount', dead)].filter(Boolean).join(' · ')
          : t('allDelivered')}
        {history.tokenRenewsAt && <span class="muted"> {t('tokenRenews', formatTime(history.tokenRenewsAt))}</span>}
      </p>
      {entries.length === 0 ? (
        <p class="empty">{t('emptyHistory')}</p>
      ) : (
        <ul class="history" aria-label={t('recentInteractions')}>
          {entries.map((entry) => (
            <li key={entry.id} class={entry.status}>
              <div class="who">{describeCustomer(entry.event)}</div>
              <div class="meta">
                <span class="badge">{t(STATUS_LABEL[entry.status])}</span>{' '}
                <time dateTime={new Date(entry.createdAt).toISOString()}>{formatDateTime(entry.createdAt)}</time> ·{' '}
                {entry.event.type}/{entry.event.subType}
              </div>
              {entry.status === 'queued' && (
                <div class="failure">
                  <span>
                    {entry.lastError ? `${entry.lastError} — ` : ''}
                    {paused ? t('waitingForSignIn') : t('nextTryAt', formatTime(entry.nextAttemptAt))}
                  </span>
                  <button type="button" disabled={busy === entry.id} onClick={() => onRetry(entry.id)}>
                    {t(busy === entry.id ? 'sending' : 'retryNow')}
                  </button>
                </div>
              )}
              {entry.status === 'dead' && editing !== entry.id && (
                <div class="failure">
                  <span>{entry.lastError}</span>
                  <span class="buttons">
                    <button type="button" onClick={() => setEditing(entry.id)}>
                      {t('edit')}
                    </button>
                    <button type="button" class="secondary" onClick={() => onDiscard(entry.id)}>
                      {t('discard')}
                    </button>
                  </span>
                </div>
              )}
              {editing === entry.id && (
                <ResendForm
                  entry={entry}
                  busy={busy === entry.id}
                  onCancel={() => setEditing(null)}
                  onResend={async (customer) => {
                    const error = await onResend(entry.id, customer);
                    if (!error) setEditing(null);
                    return error;
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      <button type="button" class="link" onClick={onClear}>
        {t('clearHistory')}
      </button>
    </>
  );
}

const EDITABLE = [
  ['name', 'fieldFirstName'],
  ['lastName', 'fieldLastName'],
  ['email', 'fieldEmail'],
  ['phone', 'fieldPhone'],
  ['country', 'fieldCountry'],
] as const;

function ResendForm(props: {
  entry: OutboxItem;
  busy: boolean;
  onCancel(): void;
  onResend(customer: RawCustomer): Promise<string | null>;
}) {
  const { user } = props.entry.event;
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(EDITABLE.map(([key]) => [key, user[key] ?? ''])),
  );
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      class="resend"
      onSubmit={async (event) => {
        event.preventDefault();
        setError(
          await props.onResend({
            firstName: values.name,
            lastName: values.lastName,
            email: values.email,
            phone: values.phone,
            country: values.country,
          }),
        );
      }}
    >
      {EDITABLE.map(([key, label]) => (
        <label key={key}>
          {t(label)}
          <input value={values[key]} onInput={(e) => setValues({ ...values, [key]: e.currentTarget.value })} />
        </label>
      ))}
      {error && <p class="error">{error}</p>}
      <div class="buttons">
        <button type="submit" disabled={props.busy}>
          {t(props.busy ? 'sending' : 'resend')}
        </button>
        <button type="button" class="secondary" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
