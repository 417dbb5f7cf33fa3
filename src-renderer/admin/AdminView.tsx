// Administration (leads read, admins change): departments, hours, specialists, canned responses, the notice banner,
// inbound mail and the audit, as tabs. Reads the server's admin overview on open and again whenever something administrative
// changes (another admin's edit appears live); says plainly when there is no connection.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { useApp } from '../store/app-store';
import { useController } from '../app/controller-context';
import { adminSections, canChange, type AdminSection } from './admin-access';
import { ReadOnlyNote } from './AdminFormParts';
import { DepartmentsSection } from './DepartmentsSection';
import { HoursSection } from './HoursSection';
import { SpecialistsSection } from './SpecialistsSection';
import { CannedSection } from './CannedSection';
import { NoticeSection } from './NoticeSection';
import { AuditSection } from './AuditSection';
import { InboundSection } from './InboundSection';
import './admin.css';

export function AdminView() {
  const controller = useController();
  const section = useApp((s) => s.adminSection);
  const overview = useApp((s) => s.adminOverview);
  const problem = useApp((s) => s.adminProblem);
  const online = useApp((s) => s.connection.state === 'online');
  const me = useApp((s) => s.session?.me ?? null);
  useEffect(() => {
    void controller.admin.refresh();
  }, [controller]);

  const editable = canChange(me, section);
  return (
    <section className="view admin-view" aria-labelledby="admin-title" data-testid="admin">
      <header className="view-header admin-header">
        <h1 id="admin-title">Administration</h1>
        <AdminTabs />
      </header>
      {!online && (
        <p className="admin-offline" role="alert" data-testid="admin-offline">
          You are offline — administration needs a connection. {overview ? 'What you see is the last version read; changes cannot be saved.' : ''}
        </p>
      )}
      {online && problem && overview === null && (
        <p className="form-error admin-problem" role="alert">
          {problem}
        </p>
      )}
      <div className="admin-body" role="tabpanel" id={`admin-panel-${section}`} aria-labelledby={`admin-tab-${section}`}>
        {!editable && section !== 'audit' && section !== 'canned' && <ReadOnlyNote text={section === 'inbound' ? 'Only admins can process a mail again.' : undefined} />}
        {overview === null ? (
          <p className="muted" aria-busy={problem === null}>
            {problem === null ? 'Loading…' : 'Nothing to show yet.'}
          </p>
        ) : (
          <CurrentSection section={section} editable={editable && online} />
        )}
      </div>
    </section>
  );
}

function CurrentSection(props: { section: AdminSection; editable: boolean }) {
  switch (props.section) {
    case 'departments':
      return <DepartmentsSection editable={props.editable} />;
    case 'hours':
      return <HoursSection editable={props.editable} />;
    case 'specialists':
      return <SpecialistsSection editable={props.editable} />;
    case 'canned':
      return <CannedSection />;
    case 'notice':
      return <NoticeSection editable={props.editable} />;
    case 'inbound':
      return <InboundSection editable={props.editable} />;
    case 'audit':
      return <AuditSection />;
  }
}

/** A tab list: arrow keys, Home and End move between sections (the roving tab stop is the current one). */
function AdminTabs() {
  const section = useApp((s) => s.adminSection);
  const show = useApp((s) => s.showAdminSection);
  const refs = useRef(new Map<AdminSection, HTMLButtonElement>());
  const move = (e: KeyboardEvent, index: number) => {
    const last = adminSections.length - 1;
    const to = e.key === 'ArrowRight' ? (index === last ? 0 : index + 1) : e.key === 'ArrowLeft' ? (index === 0 ? last : index - 1) : e.key === 'Home' ? 0 : e.key === 'End' ? last : null;
    if (to === null) return;
    e.preventDefault();
    const next = adminSections[to];
    if (!next) return;
    show(next.id);
    refs.current.get(next.id)?.focus();
  };
  return (
    <div className="admin-tabs" role="tablist" aria-label="Administration sections">
      {adminSections.map((t, i) => (
        <button
          key={t.id}
          ref={(el) => {
            if (el) refs.current.set(t.id, el);
          }}
          type="button"
          role="tab"
          id={`admin-tab-${t.id}`}
          aria-selected={section === t.id}
          // Only the current section's panel exists.
          aria-controls={section === t.id ? `admin-panel-${t.id}` : undefined}
          tabIndex={section === t.id ? 0 : -1}
          className={`admin-tab${section === t.id ? ' current' : ''}`}
          onClick={() => show(t.id)}
          onKeyDown={(e) => move(e, i)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
