import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { DepartmentPicker, type DepartmentOption } from '../../../../../../src-server/widget/src/components/DepartmentPicker';

const options: DepartmentOption[] = [
  { id: 'av-media', name: 'AV Media', status: { state: 'closed', label: 'opens Thu 2:00 PM' } },
  { id: 'technical', name: 'Technical', status: { state: 'open', label: 'open now' } },
];

const render = (props: Partial<Parameters<typeof DepartmentPicker>[0]> = {}) =>
  renderToStaticMarkup(
    <DepartmentPicker id="dept" labelId="dept-label" options={options} value="technical" placeholder="Loading…" onChange={() => undefined} {...props} />,
  );

describe('DepartmentPicker', () => {
  it('shows the chosen department with its state on a closed combobox named by the label', () => {
    const html = render();
    expect(html).toMatch(/role="combobox"[^>]*aria-labelledby="dept-label"[^>]*aria-haspopup="listbox"[^>]*aria-expanded="false"/);
    const button = html.slice(0, html.indexOf('</button>'));
    expect(button).toContain('Technical');
    expect(button).toContain('open now');
    expect(button).not.toContain('AV Media');
  });

  it('lists every department with its own state mark, the chosen one selected', () => {
    const html = render();
    expect(html).toMatch(/role="listbox"[^>]*hidden/);
    expect(html).toMatch(/role="option" aria-selected="false"[^>]*>.*AV Media.*sb-mark-closed.*opens Thu 2:00 PM/);
    expect(html).toMatch(/role="option" aria-selected="true"[^>]*>.*Technical.*sb-mark-open.*open now/);
  });

  it('is disabled and shows the placeholder until departments arrive', () => {
    const html = render({ options: null, value: null, placeholder: 'Unavailable' });
    expect(html).toMatch(/role="combobox"[^>]*disabled/);
    expect(html).toContain('Unavailable');
  });
});
