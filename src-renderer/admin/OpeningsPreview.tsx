// The next openings of the hours being edited, before they are saved: in the department's zone and, when the
// viewer lives elsewhere, in their own time too.
import { useMemo } from 'react';
import type { Schedule } from '../../src-shared/business-hours';
import { useNow } from '../app/use-now';
import { previewOpenings, viewerTimeZone } from './openings-preview';

const PREVIEW_COUNT = 5;
const zoneName = (zone: string) => zone.replace(/_/g, ' ');

/** `unsaved`: the schedule is an edit not saved yet (the preview says so). */
export function OpeningsPreview(props: { schedule: Schedule | null; unsaved: boolean }) {
  // Minute resolution is plenty, and keeps the preview from recomputing every second.
  const minute = Math.floor(useNow() / 60_000) * 60_000;
  const viewer = viewerTimeZone();
  const rows = useMemo(() => (props.schedule ? previewOpenings(props.schedule, minute, PREVIEW_COUNT, viewer) : null), [props.schedule, minute, viewer]);
  const showViewer = rows?.some((r) => r.inViewer !== null) ?? false;
  return (
    <section className="panel admin-preview" aria-labelledby="openings-heading" data-testid="openings-preview">
      <h2 id="openings-heading">Next openings</h2>
      {rows === null ? (
        <p className="muted">The preview returns once the hours are valid.</p>
      ) : rows.length === 0 ? (
        <p className="muted" data-testid="openings-none">
          No openings in the next 400 days — customers can only email.
        </p>
      ) : (
        <>
          <p className="muted admin-hint">
            {rows[0]?.current ? 'Open now.' : 'Closed now.'} {props.unsaved ? 'As customers will see it once saved. ' : ''}Times in {zoneName(props.schedule?.zone ?? '')}
            {showViewer ? `; below each, your time (${zoneName(viewer)}).` : '.'}
          </p>
          <ol className="admin-openings" aria-label="Next openings">
            {rows.map((r) => (
              <li key={r.start} data-testid="opening-row">
                <span className="admin-opening-main">
                  {r.inZone}
                  {r.current && <span className="tag admin-now">open now</span>}
                </span>
                {r.inViewer && (
                  <span className="admin-opening-viewer">
                    <span className="sr-only">Your time: </span>
                    {r.inViewer}
                  </span>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
