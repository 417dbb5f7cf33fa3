// Chat hours of one department: pick the department, then edit its weekly hours, time zone and holidays with a
// live preview of the next openings (HoursEditor).
import { useApp } from '../store/app-store';
import { HoursEditor } from './HoursEditor';

export function HoursSection(props: { editable: boolean }) {
  const departments = useApp((s) => s.adminOverview?.departments ?? []);
  const selectedId = useApp((s) => s.adminDepartmentId);
  const select = useApp((s) => s.selectAdminDepartment);
  const ordered = [...departments].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  const department = ordered.find((d) => d.id === selectedId) ?? ordered[0] ?? null;
  if (!department) return <p className="muted">No departments yet.</p>;
  return (
    <div className="admin-hours">
      <label className="field field-inline admin-department-pick">
        <span>Department</span>
        <select value={department.id} onChange={(e) => select(e.target.value)}>
          {ordered.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </select>
      </label>
      {/* Keyed by department: switching starts from that department's saved hours. */}
      <HoursEditor key={department.id} department={department} editable={props.editable} />
    </div>
  );
}
