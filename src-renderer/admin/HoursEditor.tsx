// Editing one department's chat hours: intervals per weekday (several a day, or closed), the IANA time zone and
// holidays, checked with the shared scheduleSchema as you go (messages next to the fields), previewed live, and
// saved as a schedule-only patch.
import { useEffect, useMemo, useState } from 'react';
import type { Department } from '../../src-shared/department';
import { useController } from '../app/controller-context';
import {
  addHoliday,
  addInterval,
  closeDay,
  copyToWeekdays,
  draftFromSchedule,
  draftIssues,
  intervalKey,
  isDirty,
  removeHoliday,
  removeInterval,
  setIntervalEdge,
  setZone,
  validateDraft,
  WEEKDAYS,
  type ScheduleDraft,
} from './schedule-draft';
import { nestedIssues } from './field-issues';
import { formatLocalDate } from './openings-preview';
import { timeZoneOptions } from './time-zones';
import { useSaveState } from './use-save-state';
import { FieldIssue, FormOutcome, issueRef } from './AdminFormParts';
import { OpeningsPreview } from './OpeningsPreview';

export function HoursEditor(props: { department: Department; editable: boolean }) {
  const { department } = props;
  const controller = useController();
  const saved = department.schedule;
  const [draft, setDraft] = useState<ScheduleDraft>(() => draftFromSchedule(saved));
  const [baseline, setBaseline] = useState(saved);
  const [showAll, setShowAll] = useState(false);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [holiday, setHoliday] = useState('');
  const save = useSaveState();
  const dirty = isDirty(draft, saved);
  // Someone (another admin, or this one on another screen) saved new hours: follow them unless mid-edit.
  const changedUnderneath = JSON.stringify(baseline) !== JSON.stringify(saved);
  const editing = isDirty(draft, baseline);
  const conflict = changedUnderneath && editing && dirty;
  useEffect(() => {
    if (!changedUnderneath || conflict) return;
    if (!editing) setDraft(draftFromSchedule(saved));
    setBaseline(saved);
  }, [changedUnderneath, conflict, editing, saved]);

  const checked = useMemo(() => validateDraft(draft), [draft]);
  const local = checked.ok ? {} : checked.issues;
  const serverIssues = useMemo(() => draftIssues(draft, nestedIssues(save.issues, 'schedule.')), [draft, save.issues]);
  const issueOf = (key: string) => (showAll || touched.has(key) ? (local[key] ?? serverIssues[key]) : serverIssues[key]);
  const touch = (key: string) => setTouched((t) => new Set(t).add(key));
  const zones = useMemo(() => timeZoneOptions(draft.zone), [draft.zone]);
  const change = (next: ScheduleDraft) => {
    setDraft(next);
    if (save.message) save.reset();
  };

  async function submit() {
    setShowAll(true);
    if (!checked.ok) return save.invalid(checked.issues, 'The hours need a fix before they can be saved — see the notes next to them.');
    const r = await save.run(() => controller.admin.updateDepartment(department.id, { schedule: checked.schedule }, `Hours of ${department.name} saved.`), 'Hours saved.');
    if (r.ok) {
      setBaseline(r.value.schedule);
      setDraft(draftFromSchedule(r.value.schedule));
      setShowAll(false);
      setTouched(new Set());
    }
  }

  const weekIssue = issueOf('weekly');
  return (
    <div className="admin-columns admin-hours-columns">
      <form
        className="panel admin-form"
        aria-label={`Hours of ${department.name}`}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="admin-panel-head">
          <h2>Hours of {department.name}</h2>
          {dirty && <span className="tag tag-note">Unsaved changes</span>}
        </div>
        {conflict && (
          <p className="admin-conflict" role="status">
            Someone saved other hours for {department.name} while you were editing.{' '}
            <button
              type="button"
              className="link-button"
              onClick={() => {
                setDraft(draftFromSchedule(saved));
                setBaseline(saved);
              }}
            >
              Load their version
            </button>
          </p>
        )}
        <fieldset className="admin-fieldset" disabled={!props.editable || save.busy}>
          <div className="field admin-zone">
            <label htmlFor="hours-zone">Time zone</label>
            <select
              id="hours-zone"
              value={draft.zone}
              aria-invalid={issueOf('zone') ? true : undefined}
              aria-describedby={['hours-zone-hint', issueRef('hours-zone-issue', issueOf('zone'))].filter(Boolean).join(' ')}
              onChange={(e) => change(setZone(draft, e.target.value))}
            >
              {zones.map((z) => (
                <option key={z} value={z}>
                  {z.replace(/_/g, ' ')}
                </option>
              ))}
            </select>
            <span className="muted admin-field-hint" id="hours-zone-hint">
              Hours and holidays are read in this zone; daylight saving follows it.
            </span>
            <FieldIssue id="hours-zone-issue" message={issueOf('zone')} />
          </div>

          <h3 id="weekly-heading">Weekly hours</h3>
          <FieldIssue id="hours-weekly-issue" message={weekIssue} />
          <ul className="admin-week" aria-labelledby="weekly-heading">
            {WEEKDAYS.map((dayName, day) => {
              const hours = draft.week[day] ?? [];
              const dayIssue = issueOf(`day.${day}`);
              return (
                <li key={dayName} className="admin-day" data-testid={`hours-${dayName.toLowerCase()}`}>
                  <span className="admin-day-name" id={`day-${day}-name`}>
                    {dayName}
                  </span>
                  <div className="admin-intervals">
                    {hours.length === 0 && <span className="muted admin-closed">Closed</span>}
                    {hours.map((h, slot) => {
                      const which = slot === 0 ? '' : `, interval ${slot + 1}`;
                      return (
                        <div key={slot} className="admin-interval">
                          {(['open', 'close'] as const).map((edge) => {
                            const key = intervalKey(day, slot, edge);
                            const problem = issueOf(key);
                            return (
                              <span key={edge} className="admin-time">
                                {edge === 'close' && <span aria-hidden="true">–</span>}
                                <input
                                  className="admin-time-input"
                                  value={h[edge]}
                                  inputMode="numeric"
                                  placeholder="HH:mm"
                                  size={5}
                                  maxLength={5}
                                  aria-label={`${dayName} ${edge === 'open' ? 'opens' : 'closes'}${which}`}
                                  aria-invalid={problem ? true : undefined}
                                  aria-describedby={issueRef(`${key}-issue`, problem)}
                                  onChange={(e) => change(setIntervalEdge(draft, day, slot, edge, e.target.value))}
                                  onBlur={() => touch(key)}
                                />
                              </span>
                            );
                          })}
                          {props.editable && (
                            <button type="button" className="icon-button" aria-label={`Remove ${dayName} hours${which}`} onClick={() => change(removeInterval(draft, day, slot))}>
                              ×
                            </button>
                          )}
                          {(['open', 'close'] as const).map((edge) => (
                            <FieldIssue key={edge} id={`${intervalKey(day, slot, edge)}-issue`} message={issueOf(intervalKey(day, slot, edge))} />
                          ))}
                        </div>
                      );
                    })}
                    <FieldIssue id={`day-${day}-issue`} message={dayIssue !== weekIssue ? dayIssue : undefined} />
                  </div>
                  {props.editable && (
                    <span className="admin-day-actions">
                      <button type="button" className="button button-small button-ghost" aria-label={`Add hours on ${dayName}`} onClick={() => change(addInterval(draft, day))}>
                        + Hours
                      </button>
                      {hours.length > 0 && (
                        <button type="button" className="button button-small button-ghost" aria-label={`Closed all day on ${dayName}`} onClick={() => change(closeDay(draft, day))}>
                          Mark closed
                        </button>
                      )}
                      {day === 0 && hours.length > 0 && (
                        <button type="button" className="button button-small button-ghost" onClick={() => change(copyToWeekdays(draft, day))}>
                          Copy to Mon–Fri
                        </button>
                      )}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>

          <h3 id="holidays-heading">Holidays (closed all day)</h3>
          {props.editable && (
            <div className="admin-holiday-add">
              <label className="field field-inline">
                <span className="sr-only">Holiday date</span>
                <input type="date" value={holiday} aria-label="Holiday date" onChange={(e) => setHoliday(e.target.value)} />
              </label>
              <button
                type="button"
                className="button button-small"
                disabled={holiday === ''}
                onClick={() => {
                  change(addHoliday(draft, holiday));
                  setHoliday('');
                }}
              >
                Add holiday
              </button>
            </div>
          )}
          {draft.holidays.length === 0 ? (
            <p className="muted admin-hint">No holidays.</p>
          ) : (
            <ul className="admin-holidays" aria-labelledby="holidays-heading">
              {draft.holidays.map((date, i) => (
                <li key={date} data-testid="holiday">
                  <span>{formatLocalDate(date)}</span>
                  {props.editable && (
                    <button type="button" className="icon-button" aria-label={`Remove holiday ${formatLocalDate(date)}`} onClick={() => change(removeHoliday(draft, date))}>
                      ×
                    </button>
                  )}
                  <FieldIssue id={`holiday-${i}-issue`} message={issueOf(`holidays.${i}`)} />
                </li>
              ))}
            </ul>
          )}

          {props.editable && (
            <div className="admin-actions">
              <button
                type="button"
                className="button"
                disabled={!dirty}
                onClick={() => {
                  setDraft(draftFromSchedule(saved));
                  setShowAll(false);
                  save.reset();
                }}
              >
                Discard changes
              </button>
              <button type="submit" className="button button-primary" disabled={!dirty}>
                Save hours
              </button>
            </div>
          )}
        </fieldset>
        <FormOutcome state={save} testId="hours-outcome" />
      </form>
      <OpeningsPreview schedule={checked.ok ? checked.schedule : null} unsaved={dirty} />
    </div>
  );
}
