// An inbound mail's status in words, tinted by how much it needs someone, with the reason under it.
import { inboundMailStatusLabels, type InboundMailSummary } from '../../src-shared/inbound-mail';

export function InboundStatus(props: { mail: Pick<InboundMailSummary, 'status' | 'reason'> }) {
  return (
    <span className="inbound-status">
      <span className={`tag inbound-tag-${props.mail.status}`}>{inboundMailStatusLabels[props.mail.status]}</span>
      {props.mail.reason && <span className="muted inbound-reason">{props.mail.reason}</span>}
    </span>
  );
}
