// Confirmation after EMAIL US: the ticket number and when the customer can expect an answer.
import { ExpectedReply } from './ExpectedReply';
import { useEffect, useRef } from 'react';
import type { EmailRequestReceipt } from '../../../../src-shared/protocol/http';


interface EmailReceiptProps {
  receipt: EmailRequestReceipt;
  email: string;
  onDone: () => void;
}

export function EmailReceipt({ receipt, email, onDone }: EmailReceiptProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="sb-receipt" role="status" data-testid="email-receipt">
      <div className="sb-receipt-icon" aria-hidden="true">
        <svg viewBox="0 0 24 24" width="28" height="28">
          <path d="M5 12.5l4.5 4.5L19 7.5" fill="none" stroke="currentColor" strokeWidth="2.4" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </div>
      <h2 className="sb-receipt-title" tabIndex={-1} ref={heading}>
        We received your request
      </h2>
      <p className="sb-lead">
        Your ticket number is <strong>#{receipt.ticketId}</strong>. We'll answer by email at <strong>{email}</strong>.
      </p>
      <ExpectedReply text={receipt.expectedReplyText} by={receipt.expectedReplyBy} />
      <button type="button" className="sb-button sb-button-secondary" onClick={onDone}>
        Ask another question
      </button>
    </div>
  );
}
