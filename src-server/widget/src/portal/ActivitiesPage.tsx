// My activities: the customer's requests newest first (as requester or copied), each with its status in the docs' words
// and what that status means; a status filter, "Load more" pages, and an empty state that points to Submit a request.
import { useEffect, useId, useState } from 'react';
import type { PortalTicketSummary } from '../../../../src-shared/protocol/portal';
import { portalApi } from './portal-api';
import { PAGE_HEADING_ID, PortalLink, usePageTitle } from './portal-nav';
import { channelLabels, statusesFor, statusFilters } from './portal-view';

interface ActivitiesPageProps {
  onSignedOut: () => void;
}

type List = { tickets: PortalTicketSummary[]; nextBeforeId: number | null };

const updated = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function ActivitiesPage({ onSignedOut }: ActivitiesPageProps) {
  const [filter, setFilter] = useState('all');
  const [list, setList] = useState<List | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const id = useId();
  usePageTitle('My activities');

  useEffect(() => {
    let live = true;
    setList(null);
    setError(null);
    void portalApi.tickets({ status: statusesFor(filter), beforeId: null }).then((res) => {
      if (!live) return;
      if (res.ok) return setList(res.value);
      if (res.error.code === 'unauthorized') return onSignedOut();
      setError(res.error.message);
    });
    return () => {
      live = false;
    };
  }, [filter, onSignedOut]);

  async function loadMore() {
    if (!list || list.nextBeforeId === null || loadingMore) return;
    setLoadingMore(true);
    const res = await portalApi.tickets({ status: statusesFor(filter), beforeId: list.nextBeforeId });
    setLoadingMore(false);
    if (!res.ok) return res.error.code === 'unauthorized' ? onSignedOut() : setError(res.error.message);
    setList({ tickets: [...list.tickets, ...res.value.tickets], nextBeforeId: res.value.nextBeforeId });
  }

  const filterLabel = statusFilters.find((f) => f.value === filter)?.label ?? '';

  return (
    <section className="pt-page" aria-labelledby={PAGE_HEADING_ID}>
      <div className="pt-page-head">
        <div>
          <h1 id={PAGE_HEADING_ID} className="pt-title" tabIndex={-1}>
            My activities
          </h1>
          <p className="sb-hint">Requests you made and requests you were copied on, newest first.</p>
        </div>
        <PortalLink to="/portal/new" className="sb-button sb-button-primary">
          Submit a request
        </PortalLink>
      </div>

      <div className="pt-toolbar">
        <label htmlFor={`${id}-filter`} className="sb-label">
          Show
        </label>
        <select id={`${id}-filter`} className="pt-select" value={filter} onChange={(e) => setFilter(e.target.value)} data-testid="status-filter">
          {statusFilters.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
        {/* Announces each new result of the filter or "Load more"; the list itself is not live (it would be read whole). */}
        <p className="sb-hint" aria-live="polite" data-testid="activities-count">
          {error ? '' : list === null ? 'Loading your requests…' : `${list.tickets.length}${list.nextBeforeId !== null ? '+' : ''} request${list.tickets.length === 1 ? '' : 's'}`}
        </p>
      </div>

      {error ? (
        <p className="sb-form-error" role="alert">
          {error}
        </p>
      ) : null}
      {list && list.tickets.length === 0 ? (
        <div className="pt-card pt-empty" data-testid="activities-empty">
          <h2 className="sb-receipt-title">{filter === 'all' ? 'No requests yet' : `No requests: ${filterLabel}`}</h2>
          <p className="sb-lead">
            {filter === 'all' ? 'Chats, emails and requests you send us show up here, with their status.' : 'Choose “All requests” to see the others.'}
          </p>
          <PortalLink to="/portal/new" className="sb-button sb-button-secondary">
            Submit a request
          </PortalLink>
        </div>
      ) : null}

      {list && list.tickets.length > 0 ? (
        <ul className="pt-tickets" aria-label="Your requests">
          {list.tickets.map((t) => (
            <li key={t.id} className="pt-ticket" data-testid="portal-ticket">
              <div className="pt-ticket-main">
                <PortalLink to={`/portal/tickets/${t.id}`} className="pt-ticket-subject">
                  {t.subject || '(no subject)'}
                </PortalLink>
                <p className="pt-ticket-meta">
                  <span>#{t.id}</span>
                  <span>{t.departmentName}</span>
                  <span>{channelLabels[t.channel]}</span>
                  {t.role === 'cc' ? <span>You are copied</span> : null}
                  <span>
                    Updated <time dateTime={new Date(t.updatedAt).toISOString()}>{updated.format(t.updatedAt)}</time>
                  </span>
                </p>
              </div>
              <div className="pt-ticket-status">
                <span className={`sb-badge sb-badge-${t.status}`} data-testid="ticket-status-label">
                  {t.statusLabel}
                </span>
                <span className="pt-status-meaning">{t.statusMeaning}</span>
              </div>
            </li>
          ))}
        </ul>
      ) : null}

      {list && list.nextBeforeId !== null ? (
        <button type="button" className="sb-button sb-button-secondary pt-more" onClick={() => void loadMore()} disabled={loadingMore} aria-busy={loadingMore}>
          {loadingMore ? 'Loading…' : 'Load more'}
        </button>
      ) : null}
    </section>
  );
}
