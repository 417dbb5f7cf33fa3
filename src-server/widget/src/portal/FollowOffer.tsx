// The Subscriptions screen opened from a help page's "Follow" link (/portal/subscriptions?kind=section&id=…): it asks
// once, so following is a click the customer makes here, signed in, never a side effect of opening a link.
import { useId } from 'react';
import type { FollowKind } from '../../../../src-shared/help-center';

interface FollowOfferProps {
  kind: FollowKind;
  /** "the section FAQs of Technical"; null when the screen cannot name it (an article). */
  name: string | null;
  busy: boolean;
  onFollow: () => void;
  onDismiss: () => void;
}

export function FollowOffer({ kind, name, busy, onFollow, onDismiss }: FollowOfferProps) {
  const id = useId();
  return (
    <section className="pt-card sub-card sub-offer" aria-labelledby={`${id}-title`} data-testid="follow-offer">
      <h2 id={`${id}-title`} className="sub-offer-title">
        Follow {name ?? `this ${kind}`}?
      </h2>
      <p className="sb-hint">
        {kind === 'section' ? 'You will get an email when an article in it is published or updated' : 'You will get an email when it is updated'}, as you choose below.
      </p>
      <div className="pt-actions">
        <button type="button" className="sb-button sb-button-primary" onClick={onFollow} disabled={busy} aria-busy={busy}>
          Follow
        </button>
        <button type="button" className="sb-button sb-button-secondary" onClick={onDismiss}>
          Not now
        </button>
      </div>
    </section>
  );
}
