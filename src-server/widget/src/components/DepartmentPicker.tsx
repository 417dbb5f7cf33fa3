// The "Request Chat With" picker: a select-only combobox (WAI-ARIA APG pattern) whose options mark each department
// open now, no one available, or when it opens. A native <select> holds plain text only, and its open list can be
// neither styled nor seen by screenshot tests.
import { useId, useState, type KeyboardEvent } from 'react';
import type { DepartmentStatus } from '../department-status';

export interface DepartmentOption {
  id: string;
  name: string;
  status: DepartmentStatus;
}

interface DepartmentPickerProps {
  /** The button's id, so a <label htmlFor> can point at it. */
  id: string;
  labelId: string;
  /** Null while departments load (or failed to): the picker is disabled and shows `placeholder`. */
  options: readonly DepartmentOption[] | null;
  value: string | null;
  placeholder: string;
  describedBy?: string;
  onChange: (id: string) => void;
}

function StatusMark({ status }: { status: DepartmentStatus }) {
  return (
    <span className={`sb-mark sb-mark-${status.state}`} data-testid="department-state">
      <span className="sb-mark-dot" aria-hidden="true" />
      {/* Read as "Technical, open now" rather than "Technicalopen now". */}
      <span className="sb-visually-hidden">, </span>
      {status.label}
    </span>
  );
}

export function DepartmentPicker({ id, labelId, options, value, placeholder, describedBy, onChange }: DepartmentPickerProps) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const list = options ?? [];
  const selected = list.find((o) => o.id === value);
  const selectedIndex = Math.max(0, list.findIndex((o) => o.id === value));
  const optionId = (i: number) => `${listId}-opt-${i}`;

  const show = (index: number) => {
    setActive(index);
    setOpen(true);
  };
  const toggle = () => (open ? setOpen(false) : show(selectedIndex));
  const choose = (index: number) => {
    const option = list[index];
    if (option) onChange(option.id);
    setOpen(false);
  };
  /** Type-ahead: the next department after the active one whose name starts with the typed letter. */
  const matchFrom = (start: number, key: string) => {
    for (let step = 1; step <= list.length; step++) {
      const i = (start + step) % list.length;
      if (list[i]?.name.toLowerCase().startsWith(key.toLowerCase())) return i;
    }
    return -1;
  };

  function onKeyDown(e: KeyboardEvent<HTMLButtonElement>) {
    if (list.length === 0) return;
    const last = list.length - 1;
    const from = open ? active : selectedIndex;
    let handled = true;
    if (e.key.length === 1 && e.key !== ' ' && !e.altKey && !e.ctrlKey && !e.metaKey) {
      const i = matchFrom(from, e.key);
      if (i >= 0) show(i);
    } else if (!open) {
      if (['ArrowDown', 'ArrowUp', 'Enter', ' '].includes(e.key)) show(selectedIndex);
      else if (e.key === 'Home') show(0);
      else if (e.key === 'End') show(last);
      else handled = false;
    } else if (e.key === 'ArrowDown') setActive(Math.min(last, active + 1));
    else if (e.key === 'ArrowUp') setActive(Math.max(0, active - 1));
    else if (e.key === 'Home') setActive(0);
    else if (e.key === 'End') setActive(last);
    else if (e.key === 'Enter' || e.key === ' ') choose(active);
    // Stopped here so Escape closes only the list, not the whole embedded panel (SupportPage listens on window).
    else if (e.key === 'Escape') setOpen(false);
    else {
      handled = false;
      if (e.key === 'Tab') setOpen(false);
    }
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  }

  return (
    <div className="sb-picker">
      <button
        type="button"
        id={id}
        className="sb-picker-button"
        role="combobox"
        aria-labelledby={labelId}
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? optionId(active) : undefined}
        aria-describedby={describedBy}
        disabled={!options}
        // Opens on press, like a native <select>: the blur of the field before it can re-render the form (its error
        // appears) and move this button away before the release, and then no click would ever reach it.
        onMouseDown={(e) => {
          if (e.button !== 0) return;
          e.preventDefault();
          e.currentTarget.focus();
          toggle();
        }}
        // Clicks without a press (detail 0) come from the keyboard or assistive technology.
        onClick={(e) => e.detail === 0 && toggle()}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        data-testid="department-picker"
      >
        {selected ? (
          <span className="sb-picker-value">
            <span className="sb-picker-name">{selected.name}</span>
            <StatusMark status={selected.status} />
          </span>
        ) : (
          <span className="sb-picker-value sb-picker-placeholder">{placeholder}</span>
        )}
        <svg className="sb-picker-chevron" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
          <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
      </button>
      <ul id={listId} role="listbox" aria-labelledby={labelId} className="sb-picker-list" hidden={!open}>
        {list.map((o, i) => (
          <li
            key={o.id}
            id={optionId(i)}
            role="option"
            aria-selected={o.id === value}
            className={i === active ? 'sb-picker-option sb-picker-active' : 'sb-picker-option'}
            data-value={o.id}
            // Keeps focus on the combobox, whose blur would otherwise close the list before the click lands.
            onMouseDown={(e) => e.preventDefault()}
            onMouseMove={() => i !== active && setActive(i)}
            onClick={() => choose(i)}
          >
            <span className="sb-picker-name">{o.name}</span>
            <StatusMark status={o.status} />
          </li>
        ))}
      </ul>
    </div>
  );
}
