import type { HistoryEntry } from '@/utils/history';
import { describeCustomer } from '@/utils/describe-customer';

export interface HistoryProps {
  entries: HistoryEntry[];
  onRetry(id: string): void;
  onClear(): void;
  retrying: string | null;
}

/** What was sent (and what was not, with the reason and a way to send it again). */
export function History({ entries, onRetry, onClear, retrying }: HistoryProps) {
  if (entries.length === 0) return <p class="empty">Nothing sent yet. Open a contact in your CRM and click “Notify RayApp”.</p>;
  return (
    <>
      <ul class="history" aria-label="Recent interactions">
        {entries.map((entry) => (
          <li key={entry.id} class={entry.status}>
            <div class="who">{describeCustomer(entry.event)}</div>
            <div class="meta">
              <span class="badge">{entry.status === 'sent' ? 'Sent' : 'Failed'}</span>{' '}
              <time dateTime={new Date(entry.at).toISOString()}>{new Date(entry.at).toLocaleString()}</time> ·{' '}
              {entry.event.type}/{entry.event.subType}
            </div>
            {entry.status === 'failed' && (
              <div class="failure">
                <span>{entry.error}</span>
                <button type="button" disabled={retrying === entry.id} onClick={() => onRetry(entry.id)}>
                  {retrying === entry.id ? 'Retrying…' : 'Retry'}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <button type="button" class="link" onClick={onClear}>
        Clear history
      </button>
    </>
  );
}
