import { useState } from 'preact/hooks';
import type { OutboxItem } from '@/utils/outbox/db';
import type { HistoryView } from '@/utils/messages/types';
import type { RawCustomer } from '@/utils/crm/types';
import { describeCustomer } from '@/utils/describe-customer';

export interface HistoryProps {
  history: HistoryView;
  busy: string | null;
  onRetry(id: string): void;
  onResend(id: string, customer: RawCustomer): Promise<string | null>;
  onDiscard(id: string): void;
  onClear(): void;
  onSignIn(): void;
}

const time = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

const STATUS_LABEL: Record<OutboxItem['status'], string> = { sent: 'Sent', queued: 'Queued', dead: 'Failed' };

/** What was sent, what waits (and until when), and what RayApp refused — with a way to fix it. */
export function History({ history, busy, onRetry, onResend, onDiscard, onClear, onSignIn }: HistoryProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const { entries, queued, dead, paused } = history;
  return (
    <>
      {paused && (
        <div class="banner error" role="alert">
          <span>Sending is paused — {paused}</span>
          <button type="button" onClick={onSignIn}>
            Sign in again
          </button>
        </div>
      )}
      <p class="summary">
        {queued > 0 || dead > 0
          ? [queued > 0 && `${queued} waiting to be sent`, dead > 0 && `${dead} refused by RayApp`].filter(Boolean).join(' · ')
          : 'Everything has been delivered.'}
        {history.tokenRenewsAt && <span class="muted"> Connected; token renews at {time(history.tokenRenewsAt)}.</span>}
      </p>
      {entries.length === 0 ? (
        <p class="empty">Nothing sent yet. Open a contact in your CRM and click “Notify RayApp”.</p>
      ) : (
        <ul class="history" aria-label="Recent interactions">
          {entries.map((entry) => (
            <li key={entry.id} class={entry.status}>
              <div class="who">{describeCustomer(entry.event)}</div>
              <div class="meta">
                <span class="badge">{STATUS_LABEL[entry.status]}</span>{' '}
                <time dateTime={new Date(entry.createdAt).toISOString()}>{new Date(entry.createdAt).toLocaleString()}</time> ·{' '}
                {entry.event.type}/{entry.event.subType}
              </div>
              {entry.status === 'queued' && (
                <div class="failure">
                  <span>
                    {entry.lastError ? `${entry.lastError} — ` : ''}
                    {paused ? 'waiting for sign-in' : `next try at ${time(entry.nextAttemptAt)}`}
                  </span>
                  <button type="button" disabled={busy === entry.id} onClick={() => onRetry(entry.id)}>
                    {busy === entry.id ? 'Sending…' : 'Retry now'}
                  </button>
                </div>
              )}
              {entry.status === 'dead' && editing !== entry.id && (
                <div class="failure">
                  <span>{entry.lastError}</span>
                  <span class="buttons">
                    <button type="button" onClick={() => setEditing(entry.id)}>
                      Edit
                    </button>
                    <button type="button" class="secondary" onClick={() => onDiscard(entry.id)}>
                      Discard
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
        Clear delivered from history
      </button>
    </>
  );
}

const EDITABLE = [
  ['name', 'First name'],
  ['lastName', 'Last name'],
  ['email', 'Email'],
  ['phone', 'Phone'],
  ['country', 'Country'],
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
          {label}
          <input value={values[key]} onInput={(e) => setValues({ ...values, [key]: e.currentTarget.value })} />
        </label>
      ))}
      {error && <p class="error">{error}</p>}
      <div class="buttons">
        <button type="submit" disabled={props.busy}>
          {props.busy ? 'Sending…' : 'Resend'}
        </button>
        <button type="button" class="secondary" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
