// A department's hours state beside its name (queue header, sidebar): open now, or closed and when it opens.
import { hoursLabel, type DepartmentHours } from './department-hours';
import './queues.css';

/** "Open now" or "Closed · opens Mon 9:00 AM": the words carry the state; the dot (filled or hollow) repeats it at a glance. */
export function HoursTag(props: { hours: DepartmentHours; now: number; zone: string; testId?: string }) {
  const { hours, now, zone } = props;
  return (
    <span className={`hours-tag ${hours.open ? 'hours-open' : 'hours-closed'}`} data-testid={props.testId}>
      <span className="hours-dot" aria-hidden="true" />
      {hoursLabel(hours, now, zone)}
    </span>
  );
}
