// Subscriptions (/portal/subscriptions, signed in): everything we email the customer about on their own wish — system
// status emails, each product's release notes, the help center sections and articles they follow (each with Unfollow),
// and whether article news comes one email at a time or as a daily digest.
import { useCallback, useEffect, useId, useState } from 'react';
import type { FollowDelivery, FollowKind } from '../../../../src-shared/help-center';
import type { FollowSettings, HelpSectionsAnswer } from '../../../../src-shared/protocol/help';
import type { StatusSubscription } from '../../../../src-shared/protocol/status';
import type { AppError, Result } from '../../../../src-shared/result';
import { statusApi } from '../status/status-api';
import { PAGE_HEADING_ID, usePageTitle } from './portal-nav';
import { FollowOffer } from './FollowOffer';
import { subscriptionsApi } from './subscriptions-api';
import { followKindLabels, releaseNotesChoices, sectionName } from './subscriptions-view';
import './subscriptions.css';

const since = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

const deliveryChoices: { value: FollowDelivery; label: string; hint: string }[] = [
  { value: 'each', label: 'An email for each article', hint: 'As soon as a followed article is published or updated.' },
  { value: 'daily', label: 'One daily digest', hint: 'At most one email a day, listing what was published.' },
];

interface SubscriptionsScreenProps {
  /** Offered at the top when the screen was opened from a help page's "Follow" link. */
  follow: { kind: FollowKind; id: string } | null;
  onSignedOut: () => void;
}

export function SubscriptionsScreen({ follow: offered, onSignedOut }: SubscriptionsScreenProps) {
  const [settings, setSettings] = useState<FollowSettings | null>(null);
  const [sections, setSections] = useState<HelpSectionsAnswer | null>(null);
  const [status, setStatus] = useState<StatusSubscription | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** What is being saved ("status", "delivery", or "<kind>:<id>"): its control waits, the others stay usable. */
  const [busy, setBusy] = useState<string | null>(null);
  /** The outcome of the last change, read out by screen readers. */
  const [said, setSaid] = useState('');
  const [offerClosed, setOfferClosed] = useState(false);
  const id = useId();
  usePageTitle('Subscriptions');

  const failed = useCallback(
    (e: AppError) => {
      if (e.code === 'unauthorized') onSignedOut();
      else setError(e.message);
    },
    [onSignedOut],
  );

  useEffect(() => {
    let live = true;
    void Promise.all([subscriptionsApi.settings(), subscriptionsApi.sections(), statusApi.subscription()]).then(([f, s, st]) => {
      if (!live) return;
      for (const r of [f, s, st]) if (!r.ok) return failed(r.error);
      if (f.ok) setSettings(f.value);
      if (s.ok) setSections(s.value);
      if (st.ok) setStatus(st.value);
    });
    return () => {
      live = false;
    };
  }, [failed]);

  async function save<T>(key: string, run: () => Promise<Result<T>>, done: (value: T) => void, message: string): Promise<boolean> {
    setBusy(key);
    setError(null);
    const res = await run();
    setBusy(null);
    if (!res.ok) {
      failed(res.error);
      return false;
    }
    done(res.value);
    setSaid(message);
    return true;
  }

  /** The radio shows the choice at once (a radio that does not move when clicked reads as broken); a refusal puts it back. */
  async function chooseDelivery(value: FollowDelivery, label: string) {
    if (!settings) return;
    const before = settings;
    setSettings({ ...settings, delivery: value });
    if (!(await save('delivery', () => subscriptionsApi.setDelivery(value), setSettings, `Article news now comes as ${label.toLowerCase()}.`))) setSettings(before);
  }

  const follow = (kind: FollowKind, targetId: string, on: boolean, name: string) =>
    save(`${kind}:${targetId}`, () => subscriptionsApi.setFollowed(kind, targetId, on), setSettings, on ? `You now follow ${name}.` : `You no longer follow ${name}.`);

  const loading = settings === null || sections === null || status === null;
  const releaseNotes = settings && sections ? releaseNotesChoices(sections, settings.follows) : [];
  const offer = offered && settings && sections && !offerClosed && !settings.follows.some((f) => f.kind === offered.kind && f.id === offered.id) ? offered : null;
  const offerName = offer ? sectionName(sections, offer) : null;

  return (
    <section className="pt-page pt-narrow-page" aria-labelledby={PAGE_HEADING_ID} data-testid="subscriptions">
      <div>
        <h1 id={PAGE_HEADING_ID} className="pt-title" tabIndex={-1}>
          Subscriptions
        </h1>
        <p className="sb-hint">{settings ? `What we email to ${settings.email}, because you asked for it.` : 'What we email you, because you asked for it.'}</p>
      </div>
      {error ? (
        <p className="sb-form-error" role="alert">
          {error}
        </p>
      ) : null}
      <p className="sb-visually-hidden" role="status">
        {said}
      </p>
      {offer ? (
        <FollowOffer
          kind={offer.kind}
          name={offerName}
          busy={busy === `${offer.kind}:${offer.id}`}
          onFollow={() => void follow(offer.kind, offer.id, true, offerName ?? `this ${offer.kind}`)}
          onDismiss={() => setOfferClosed(true)}
        />
      ) : null}
      {loading ? (
        error ? null : (
          <p className="sb-hint" role="status">
            Loading your subscriptions…
          </p>
        )
      ) : (
        <>
          <section className="pt-card sub-card" aria-labelledby={`${id}-status`}>
            <h2 id={`${id}-status`} className="pt-section-title">
              System status
            </h2>
            <label className="sub-toggle">
              <input
                type="checkbox"
                checked={status.subscribed}
                disabled={busy === 'status'}
                onChange={(e) => {
                  const on = e.target.checked;
                  const before = status;
                  setStatus({ ...status, subscribed: on });
                  void save('status', () => statusApi.setSubscribed(on), setStatus, on ? 'Status emails are on.' : 'Status emails are off.').then((saved) => {
                    if (!saved) setStatus(before);
                  });
                }}
              />
              <span>Email me when an incident starts, gets an update or is resolved</span>
            </label>
          </section>

          <section className="pt-card sub-card" aria-labelledby={`${id}-releases`} data-testid="release-notes">
            <h2 id={`${id}-releases`} className="pt-section-title">
              Release notes
            </h2>
            {releaseNotes.length === 0 ? (
              <p className="sb-hint">No product publishes release notes yet.</p>
            ) : (
              <ul className="sub-list">
                {releaseNotes.map((r) => (
                  <li key={r.sectionId} className="sub-row">
                    <span className="sub-row-main">
                      <span className="sub-row-title">{r.productName}</span>
                      <span className="sub-row-meta">{r.followed ? 'You get an email for each release' : `Not followed · ${r.sectionTitle}`}</span>
                    </span>
                    <button
                      type="button"
                      className={`sb-button ${r.followed ? 'sb-button-secondary' : 'sb-button-primary'} sub-button`}
                      aria-label={`${r.followed ? 'Unfollow' : 'Follow'} the release notes of ${r.productName}`}
                      disabled={busy === `section:${r.sectionId}`}
                      onClick={() => void follow('section', r.sectionId, !r.followed, `the release notes of ${r.productName}`)}
                    >
                      {r.followed ? 'Unfollow' : 'Follow'}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section className="pt-card sub-card" aria-labelledby={`${id}-follows`} data-testid="follows">
            <h2 id={`${id}-follows`} className="pt-section-title">
              What you follow in the help center
            </h2>
            {settings.follows.length === 0 ? (
              <p className="sb-hint" data-testid="follows-empty">
                You follow nothing yet. In the{' '}
                <a className="sb-link" href="/help">
                  help center
                </a>
                , follow a section or an article to hear when it changes.
              </p>
            ) : (
              <ul className="sub-list">
                {settings.follows.map((f) => (
                  <li key={`${f.kind}:${f.id}`} className="sub-row" data-testid="follow">
                    <span className="sub-row-main">
                      <a className="sub-row-title sub-link" href={f.url}>
                        {f.title}
                      </a>
                      <span className="sub-row-meta">
                        {followKindLabels[f.kind]} · {f.productName} · since {since.format(f.since)}
                      </span>
                    </span>
                    <button
                      type="button"
                      className="sb-button sb-button-secondary sub-button"
                      aria-label={`Unfollow ${f.title}`}
                      disabled={busy === `${f.kind}:${f.id}`}
                      onClick={() => void follow(f.kind, f.id, false, f.title)}
                    >
                      Unfollow
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <fieldset className="sub-delivery" disabled={busy === 'delivery'}>
              <legend className="sub-legend">How article news reaches you</legend>
              {deliveryChoices.map((c) => (
                <label key={c.value} className="sub-choice">
                  <input
                    type="radio"
                    name={`${id}-delivery`}
                    value={c.value}
                    checked={settings.delivery === c.value}
                    onChange={() => void chooseDelivery(c.value, c.label)}
                  />
                  <span>
                    <span className="sub-choice-label">{c.label}</span>
                    <span className="sub-row-meta">{c.hint}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          </section>
        </>
      )}
    </section>
  );
}
