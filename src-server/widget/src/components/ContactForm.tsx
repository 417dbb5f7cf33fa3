// CONTACT US window: Your Email, Request Chat With, Your Question (with help articles that may answer it), and
// CHAT WITH US or EMAIL US by live availability.
import { useId, useRef, useState, type FormEvent } from 'react';
import { useStore } from 'zustand';
import type { SupportContext } from '../../../../src-shared/visitor';
import type { EmailRequestReceipt } from '../../../../src-shared/protocol/http';
import { newClientId } from '../client-id';
import { isLikelyEmail } from '../email-address';
import { saveDepartment, savedEmail, saveEmail } from '../saved-state';
import { sendEmailRequest } from '../server-api';
import { OFFLINE_MESSAGE, type VisitorClient } from '../visitor-client';
import { departmentStatus } from '../department-status';
import { hoursLines } from '../widget-store';
import { DepartmentPicker, type DepartmentOption } from './DepartmentPicker';
import { useHelpSuggestions } from '../use-help-suggestions';
import { ArticleSuggestions } from './ArticleSuggestions';

interface ContactFormProps {
  client: VisitorClient;
  context: SupportContext;
  onEmailSent: (receipt: EmailRequestReceipt, email: string) => void;
}

type FieldErrors = { email?: string; question?: string };

export function ContactForm({ client, context, onEmailSent }: ContactFormProps) {
  const { store } = client;
  const departments = useStore(store, (s) => s.departments);
  const departmentsError = useStore(store, (s) => s.departmentsError);
  const departmentId = useStore(store, (s) => s.departmentId);
  const availabilityMap = useStore(store, (s) => s.availability);
  const availability = departmentId ? availabilityMap[departmentId] : undefined;
  const [email, setEmail] = useState(savedEmail);
  const [question, setQuestion] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One client id per EMAIL US attempt, reused on retry, so a double click or a retry never makes two tickets.
  const emailClientId = useRef(newClientId());
  const emailRef = useRef<HTMLInputElement>(null);
  const questionRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const suggestions = useHelpSuggestions(client.origin, question, departmentId);

  const mode = availability?.mode ?? 'email';
  const department = departments?.find((d) => d.id === departmentId);
  const lines = departments ? hoursLines(departments, availabilityMap) : [];
  // Opening times read in the customer's own zone, the one their browser reports.
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const now = Date.now();
  const options: DepartmentOption[] | null =
    departments?.map((d) => ({ id: d.id, name: d.name, status: departmentStatus(availabilityMap[d.id], now, zone) })) ?? null;

  function validate(): FieldErrors {
    const found: FieldErrors = {};
    if (!email.trim()) found.email = 'Enter your email address.';
    else if (!isLikelyEmail(email)) found.email = 'Enter a valid email address, like name@company.com.';
    if (!question.trim()) found.question = 'Type your question.';
    return found;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const found = validate();
    setErrors(found);
    setFormError(null);
    if (found.email) return emailRef.current?.focus();
    if (found.question) return questionRef.current?.focus();
    if (!departmentId) return setFormError('Choose who you would like to chat with.');
    const cleanEmail = email.trim();
    saveEmail(cleanEmail);
    setBusy(true);
    suggestions.asked();
    const input = { email: cleanEmail, departmentId, question: question.trim(), context };
    if (mode === 'chat') {
      const res = await client.requestChat(input);
      setBusy(false);
      if (!res.ok)
        setFormError(
          res.error.code === 'unavailable' && res.error.message !== OFFLINE_MESSAGE
            ? 'No specialist is free right now. Send us an email instead and we will answer as soon as we can.'
            : res.error.message,
        );
      return;
    }
    const res = await sendEmailRequest(client.origin, { clientId: emailClientId.current, ...input });
    setBusy(false);
    if (!res.ok) {
      const issues = res.error.issues ?? [];
      if (issues.some((i) => i.path === 'email')) setErrors({ email: 'Enter a valid email address, like name@company.com.' });
      setFormError(res.error.message);
      return;
    }
    emailClientId.current = newClientId();
    setQuestion('');
    onEmailSent(res.value, cleanEmail);
  }

  const describe = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

  return (
    <form className="sb-form" onSubmit={submit} noValidate aria-describedby={`${id}-status`}>
      <p id={`${id}-status`} className={`sb-status ${mode === 'chat' ? 'sb-status-online' : 'sb-status-offline'}`} data-testid="chat-status">
        <span className="sb-status-dot" aria-hidden="true" />
        {!availability
          ? 'Checking who is available…'
          : mode === 'chat'
            ? 'A specialist is available to chat now.'
            : availability.inHours
              ? 'All specialists are busy. Email us and we will answer as soon as one is free.'
              : 'Chat is closed right now. Email us and we will answer during business hours.'}
      </p>

      <div className="sb-field">
        <label htmlFor={`${id}-email`}>Your Email</label>
        <input
          ref={emailRef}
          id={`${id}-email`}
          name="email"
          type="email"
          autoComplete="email"
          inputMode="email"
          maxLength={254}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          onBlur={() => email.trim() && !isLikelyEmail(email) && setErrors((x) => ({ ...x, email: 'Enter a valid email address, like name@company.com.' }))}
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={describe(errors.email && `${id}-email-error`)}
          required
        />
        {errors.email ? (
          <p id={`${id}-email-error`} className="sb-field-error">
            {errors.email}
          </p>
        ) : null}
      </div>

      <div className="sb-field">
        <label htmlFor={`${id}-dept`} id={`${id}-dept-label`}>
          Request Chat With
        </label>
        <DepartmentPicker
          id={`${id}-dept`}
          labelId={`${id}-dept-label`}
          options={options}
          value={departmentId}
          placeholder={departmentsError ? 'Unavailable' : 'Loading…'}
          describedBy={department?.description ? `${id}-dept-desc` : undefined}
          onChange={(chosen) => {
            saveDepartment(chosen);
            store.setState({ departmentId: chosen });
          }}
        />
        {department?.description ? (
          <p id={`${id}-dept-desc`} className="sb-hint">
            {department.description}
          </p>
        ) : null}
        {departmentsError ? <p className="sb-field-error">{departmentsError}</p> : null}
      </div>

      <div className="sb-field">
        <label htmlFor={`${id}-question`}>Your Question</label>
        <textarea
          ref={questionRef}
          id={`${id}-question`}
          name="question"
          rows={4}
          maxLength={mode === 'chat' ? 2000 : 5000}
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
          aria-invalid={errors.question ? true : undefined}
          aria-describedby={describe(errors.question && `${id}-question-error`)}
          required
        />
        {errors.question ? (
          <p id={`${id}-question-error`} className="sb-field-error">
            {errors.question}
          </p>
        ) : null}
      </div>

      <ArticleSuggestions id={id} origin={client.origin} hits={suggestions.hits} onOpen={suggestions.opened} />

      {formError ? (
        <p className="sb-form-error" role="alert">
          {formError}
        </p>
      ) : null}

      <button type="submit" className="sb-button sb-button-primary" disabled={busy || !departments} aria-busy={busy}>
        {mode === 'chat' ? 'CHAT WITH US' : 'EMAIL US'}
      </button>

      {lines.length > 0 ? (
        <div className="sb-hours" data-testid="chat-hours">
          <h2 className="sb-hours-title">Chat hours</h2>
          <ul>
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </form>
  );
}
