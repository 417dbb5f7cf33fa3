// Submit a request (/portal/new), at any hour: department, subject, description, CCs and files (uploaded first), with
// the pid/eid of the link kept; the answer names the ticket, when to expect a reply, and links to it.
import { ExpectedReply } from '../components/ExpectedReply';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Availability, Department } from '../../../../src-shared/department';
import type { PortalRequestReceipt } from '../../../../src-shared/protocol/portal';
import type { SupportContext } from '../../../../src-shared/visitor';
import { newClientId } from '../client-id';
import { CommentFiles, useCommentFiles } from '../components/CommentFiles';
import { DepartmentPicker, type DepartmentOption } from '../components/DepartmentPicker';
import { preselectDepartment } from '../department-choice';
import { departmentStatus } from '../department-status';
import { useFileDragArea, useFileDropGuard } from '../file-drag';
import { saveDepartment, savedDepartment } from '../saved-state';
import { fetchDepartments } from '../server-api';
import { CcField, useCcChips } from './CcField';
import { portalApi, portalUploadUrl } from './portal-api';
import { PAGE_HEADING_ID, PortalLink, usePageTitle } from './portal-nav';

interface NewRequestPageProps {
  context: SupportContext;
  email: string;
  onSignedOut: () => void;
}

type Errors = { subject?: string; description?: string; department?: string; form?: string };


export function NewRequestPage({ context, email, onSignedOut }: NewRequestPageProps) {
  const [departments, setDepartments] = useState<Department[] | null>(null);
  const [availability, setAvailability] = useState<Record<string, Availability>>({});
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [subject, setSubject] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<PortalRequestReceipt | null>(null);
  const ccs = useCcChips();
  const files = useCommentFiles(portalUploadUrl);
  const clientId = useRef(newClientId());
  const subjectRef = useRef<HTMLInputElement>(null);
  const descriptionRef = useRef<HTMLTextAreaElement>(null);
  const receiptHeading = useRef<HTMLHeadingElement>(null);
  const id = useId();
  usePageTitle(receipt ? `Request #${receipt.ticketId} received` : 'Submit a request');
  useFileDropGuard();
  const drag = useFileDragArea(({ files: dropped, folders }) => files.add(dropped, folders));

  useEffect(() => {
    let live = true;
    void fetchDepartments(window.location.origin).then((res) => {
      if (!live) return;
      if (!res.ok) return setErrors({ department: res.error.message });
      const sorted = [...res.value.departments].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
      const byId = Object.fromEntries(res.value.availability.map((a) => [a.departmentId, a]));
      setDepartments(sorted);
      setAvailability(byId);
      setDepartmentId(preselectDepartment(sorted, byId, savedDepartment()));
    });
    return () => {
      live = false;
    };
  }, []);

  // The receipt and the form each have their own heading: whichever appears takes focus (but not on first load).
  const shown = useRef(false);
  useEffect(() => {
    if (receipt) receiptHeading.current?.focus();
    else if (shown.current) document.getElementById(PAGE_HEADING_ID)?.focus();
    shown.current = true;
  }, [receipt]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const found: Errors = {};
    if (!departmentId) found.department = 'Choose the team your request is for.';
    if (!subject.trim()) found.subject = 'Give your request a short subject.';
    if (!description.trim()) found.description = 'Describe what you need help with.';
    const copied = ccs.flush();
    setErrors(found);
    if (found.subject) return subjectRef.current?.focus();
    if (found.description) return descriptionRef.current?.focus();
    if (!departmentId || copied === null) return;
    if (files.uploading) return setErrors({ form: 'Wait until your files finish uploading.' });
    setBusy(true);
    const res = await portalApi.request({
      clientId: clientId.current,
      departmentId,
      subject: subject.trim(),
      description: description.trim(),
      ccs: copied,
      attachmentIds: files.attachmentIds,
      context,
    });
    setBusy(false);
    if (!res.ok) return res.error.code === 'unauthorized' ? onSignedOut() : setErrors({ form: res.error.message });
    saveDepartment(departmentId);
    clientId.current = newClientId();
    setSubject('');
    setDescription('');
    ccs.clear();
    files.clear();
    setReceipt(res.value);
  }

  if (receipt)
    return (
      <section className="pt-card pt-narrow sb-receipt" aria-labelledby={PAGE_HEADING_ID} data-testid="request-receipt">
        <div className="sb-receipt-icon" aria-hidden="true">
          <svg viewBox="0 0 24 24" width="28" height="28">
            <path d="M5 12.5l4.5 4.5L19 7.5" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </div>
        <h1 id={PAGE_HEADING_ID} className="pt-title" tabIndex={-1} ref={receiptHeading}>
          We received your request
        </h1>
        <p className="sb-lead" role="status">
          Your ticket number is <strong>#{receipt.ticketId}</strong>. We'll answer by email at <strong>{email}</strong>.
        </p>
        <ExpectedReply text={receipt.expectedReplyText} by={receipt.expectedReplyBy} />
        <div className="pt-actions">
          <PortalLink to={`/portal/tickets/${receipt.ticketId}`} className="sb-button sb-button-primary">
            View request #{receipt.ticketId}
          </PortalLink>
          <button type="button" className="sb-button sb-button-secondary" onClick={() => setReceipt(null)}>
            Submit another request
          </button>
        </div>
      </section>
    );

  const department = departments?.find((d) => d.id === departmentId);
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const now = Date.now();
  const options: DepartmentOption[] | null =
    departments?.map((d) => ({ id: d.id, name: d.name, status: departmentStatus(availability[d.id], now, zone) })) ?? null;
  const describe = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

  return (
    <section className="pt-page pt-narrow-page" aria-labelledby={PAGE_HEADING_ID}>
      <h1 id={PAGE_HEADING_ID} className="pt-title" tabIndex={-1}>
        Submit a request
      </h1>
      <p className="sb-hint">Send it at any hour: our team answers by email, and you can follow it in My activities.</p>
      <form className={drag.dragging ? 'sb-form pt-card sb-form-dragging' : 'sb-form pt-card'} onSubmit={submit} noValidate data-testid="request-form" {...drag.handlers}>
        <div className="sb-field">
          <label htmlFor={`${id}-dept`} id={`${id}-dept-label`}>
            Department
          </label>
          <DepartmentPicker
            id={`${id}-dept`}
            labelId={`${id}-dept-label`}
            options={options}
            value={departmentId}
            placeholder={errors.department && !departments ? 'Unavailable' : 'Loading…'}
            describedBy={department?.description ? `${id}-dept-desc` : undefined}
            onChange={setDepartmentId}
          />
          {department?.description ? (
            <p id={`${id}-dept-desc`} className="sb-hint">
              {department.description}
            </p>
          ) : null}
          {errors.department ? <p className="sb-field-error">{errors.department}</p> : null}
        </div>
        <div className="sb-field">
          <label htmlFor={`${id}-subject`}>Subject</label>
          <input
            ref={subjectRef}
            id={`${id}-subject`}
            type="text"
            maxLength={200}
            value={subject}
            onChange={(e) => setSubject(e.target.value)}
            aria-invalid={errors.subject ? true : undefined}
            aria-describedby={describe(errors.subject && `${id}-subject-error`)}
            required
          />
          {errors.subject ? (
            <p id={`${id}-subject-error`} className="sb-field-error">
              {errors.subject}
            </p>
          ) : null}
        </div>
        <div className="sb-field">
          <label htmlFor={`${id}-description`}>Description</label>
          <textarea
            ref={descriptionRef}
            id={`${id}-description`}
            rows={6}
            maxLength={10000}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            aria-invalid={errors.description ? true : undefined}
            aria-describedby={describe(`${id}-description-hint`, errors.description && `${id}-description-error`)}
            required
          />
          <p id={`${id}-description-hint`} className="sb-hint">
            What happened, what you expected, and where (screen, campaign, event).
          </p>
          {errors.description ? (
            <p id={`${id}-description-error`} className="sb-field-error">
              {errors.description}
            </p>
          ) : null}
        </div>
        <CcField state={ccs} disabled={busy} hint="Press Enter or Add after each address. They will get updates on this request by email." />
        <CommentFiles state={files} disabled={busy} dragging={drag.dragging} />
        {errors.form ? (
          <p className="sb-form-error" role="alert">
            {errors.form}
          </p>
        ) : null}
        <button type="submit" className="sb-button sb-button-primary pt-submit" disabled={busy || files.uploading || !departments} aria-busy={busy}>
          Submit request
        </button>
      </form>
    </section>
  );
}
