// Contacts (/contacts, no sign-in): each department's direct-to-team email and its coverage hours for the coming week,
// in the reader's own time zone (named), with the department's own wording kept for reference.
import { useEffect, useState } from 'react';
import { coverageWeek } from '../../../../src-shared/coverage-hours';
import type { DepartmentContact } from '../../../../src-shared/protocol/portal';
import { portalApi } from '../portal/portal-api';
import { PAGE_HEADING_ID, PortalLink, usePageTitle } from '../portal/portal-nav';

/** The browser's zone; UTC where the browser has no zone data (the department's hoursText still says it all). */
function readerZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

export function DepartmentCard({ contact, now, zone }: { contact: DepartmentContact; now: number; zone: string }) {
  const week = coverageWeek(contact.schedule, now, zone);
  const titleId = `dept-${contact.departmentId}`;
  return (
    <li className="pt-card pt-contact" data-testid="department-contact">
      <div className="pt-contact-head">
        <h2 id={titleId} className="pt-contact-name">
          {contact.name}
        </h2>
        <span className={week.openNow ? 'sb-mark sb-mark-open' : 'sb-mark'}>
          <span className="sb-mark-dot" aria-hidden="true" />
          {week.openNow ? 'Open now' : 'Closed now'}
        </span>
      </div>
      {contact.description ? <p className="sb-hint">{contact.description}</p> : null}
      <p className="pt-contact-email">
        {contact.email ? (
          <a className="sb-link" href={`mailto:${contact.email}`} data-testid="department-email">
            {contact.email}
          </a>
        ) : (
          <span data-testid="department-no-email">
            No direct email — use the{' '}
            <a className="sb-link" href="/support">
              support page
            </a>
          </span>
        )}
      </p>
      <div className="pt-coverage" data-testid="coverage-hours">
        <h3 className="pt-coverage-title">Coverage hours, your time</h3>
        {week.groups.length === 0 ? (
          <p className="sb-hint">No coverage hours this week.</p>
        ) : (
          <dl className="pt-coverage-list">
            {week.groups.map((g) => (
              <div key={g.days}>
                <dt>{g.days}</dt>
                <dd>{g.hours.join(', ')}</dd>
              </div>
            ))}
          </dl>
        )}
        {week.holidays.length > 0 ? (
          <p className="pt-holidays">Closed for a holiday: {week.holidays.map((h) => h.label).join(', ')}</p>
        ) : null}
        <p className="sb-hint pt-dept-hours">Team's own hours: {contact.hoursText}</p>
      </div>
      {/* The seeds: "view system availability (within the Technical tile)". */}
      {contact.departmentId === 'technical' ? (
        <PortalLink to="/status" className="sb-link" data-testid="technical-status-link">
          View system availability
        </PortalLink>
      ) : null}
    </li>
  );
}

export function ContactsPage() {
  const [contacts, setContacts] = useState<DepartmentContact[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  usePageTitle('Contacts');
  const zone = readerZone();
  const now = Date.now();
  const zoneName = coverageWeek({ zone: 'UTC', weekly: [], holidays: [] }, now, zone).zoneName;

  useEffect(() => {
    let live = true;
    void portalApi.contacts().then((res) => {
      if (!live) return;
      if (res.ok) setContacts(res.value.departments);
      else setError(res.error.message);
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <section className="pt-page" aria-labelledby={PAGE_HEADING_ID}>
      <div className="pt-page-head">
        <div>
          <h1 id={PAGE_HEADING_ID} className="pt-title" tabIndex={-1}>
            Contacts
          </h1>
          <p className="sb-hint">Email a team directly, or chat with us during its hours.</p>
        </div>
        <PortalLink to="/portal/new" className="sb-button sb-button-secondary">
          Submit a request
        </PortalLink>
      </div>
      <p className="pt-zone-note" data-testid="reader-zone">
        Hours are shown in your time zone: <strong>{zoneName}</strong>
        {zoneName === zone ? '' : ` (${zone})`}.
      </p>
      <div aria-live="polite" className="pt-live">
        {error ? (
          <p className="sb-form-error" role="alert">
            {error}
          </p>
        ) : contacts === null ? (
          <p className="sb-hint">Loading contacts…</p>
        ) : null}
      </div>
      {contacts ? (
        <ul className="pt-contacts" aria-label="Support teams">
          {contacts.map((c) => (
            <DepartmentCard key={c.departmentId} contact={c} now={now} zone={zone} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}
