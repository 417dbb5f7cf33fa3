// Departments as customers see them in "Request Chat With": the order (move up / down), each one's details and
// greeting, and a new department. Hours have their own tab.
import { useState } from 'react';
import { describeHours } from '../../src-shared/business-hours';
import type { Department } from '../../src-shared/department';
import { useApp } from '../store/app-store';
import { useController } from '../app/controller-context';
import { moveInOrder } from './department-order';
import { DepartmentForm } from './DepartmentForm';

export function DepartmentsSection(props: { editable: boolean }) {
  const controller = useController();
  const departments = useApp((s) => s.adminOverview?.departments ?? []);
  const selectedId = useApp((s) => s.adminDepartmentId);
  const select = useApp((s) => s.selectAdminDepartment);
  const show = useApp((s) => s.showAdminSection);
  const showToast = useApp((s) => s.showToast);
  const [creating, setCreating] = useState(false);
  const [moving, setMoving] = useState(false);
  const ordered = [...departments].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
  const selected = ordered.find((d) => d.id === selectedId) ?? ordered[0] ?? null;

  async function move(d: Department, delta: -1 | 1) {
    const order = moveInOrder(
      ordered.map((x) => x.id),
      d.id,
      delta,
    );
    if (!order) return;
    setMoving(true);
    const r = await controller.admin.reorderDepartments(order);
    setMoving(false);
    if (!r.ok) showToast(r.message, 'error');
  }

  return (
    <div className="admin-columns">
      <section className="panel admin-list-panel" aria-labelledby="departments-heading">
        <div className="admin-panel-head">
          <h2 id="departments-heading">Departments</h2>
          {props.editable && !creating && (
            <button type="button" className="button button-small" onClick={() => setCreating(true)}>
              New department…
            </button>
          )}
        </div>
        <p className="muted admin-hint">Customers see them in this order under “Request Chat With”.</p>
        <ol className="admin-order" aria-label="Department order">
          {ordered.map((d, i) => (
            <li key={d.id} className={`admin-order-row${selected?.id === d.id && !creating ? ' current' : ''}`} data-testid={`department-row-${d.id}`}>
              <button
                type="button"
                className="admin-order-name"
                // Named for the department; its hours are the description (the list's order gives the position).
                aria-label={d.name}
                aria-describedby={`department-hours-${d.id}`}
                aria-current={selected?.id === d.id && !creating ? 'true' : undefined}
                onClick={() => {
                  setCreating(false);
                  select(d.id);
                }}
              >
                <span className="admin-order-pos" aria-hidden="true">
                  {i + 1}
                </span>
                <span className="admin-order-text">
                  <strong>{d.name}</strong>
                  <span className="muted" id={`department-hours-${d.id}`} title={describeHours(d.schedule)}>
                    {describeHours(d.schedule)}
                  </span>
                </span>
              </button>
              <span className="admin-order-moves">
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Move ${d.name} up`}
                  disabled={!props.editable || moving || i === 0}
                  onClick={() => void move(d, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Move ${d.name} down`}
                  disabled={!props.editable || moving || i === ordered.length - 1}
                  onClick={() => void move(d, 1)}
                >
                  ↓
                </button>
              </span>
            </li>
          ))}
        </ol>
      </section>
      {creating ? (
        <DepartmentForm key="new" department={null} editable={props.editable} onDone={(id) => {
            setCreating(false);
            if (id) select(id);
          }} />
      ) : selected ? (
        <DepartmentForm
          key={selected.id}
          department={selected}
          editable={props.editable}
          onDone={() => undefined}
          onOpenHours={() => {
            select(selected.id);
            show('hours');
          }}
        />
      ) : (
        <p className="muted">No departments yet.</p>
      )}
    </div>
  );
}
