// How a ticket came in, as a small icon and its word (Chat / Email / Web form): the word carries the meaning, the
// icon (hidden from screen readers) lets the eye pick email tickets out of a long list.
import type { Ticket } from '../../src-shared/ticket';
import { ticketChannelLabels } from './ticket-labels';

/** 16-unit strokes drawn with currentColor, so the badge tints them like its text. */
const paths: Record<Ticket['channel'], string> = {
  // A speech bubble.
  chat: 'M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z',
  // An envelope.
  email: 'M2 4h12v8H2zM2 4l6 4.5L14 4',
  // A form: a page with two lines and a box.
  web: 'M3 2h10v12H3zM5 5h6M5 8h6M5 11h3',
};

export function ChannelBadge(props: { channel: Ticket['channel'] }) {
  return (
    <span className={`tag channel channel-${props.channel}`} data-testid="channel-badge">
      <svg className="channel-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
        <path d={paths[props.channel]} fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinejoin="round" strokeLinecap="round" />
      </svg>
      {ticketChannelLabels[props.channel]}
    </span>
  );
}
