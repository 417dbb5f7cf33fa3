import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { CcField, type CcState } from '../../../../../../src-server/widget/src/portal/CcField';

const state = (over: Partial<CcState> = {}): CcState => ({
  chips: [],
  text: '',
  error: null,
  setText: () => undefined,
  add: () => undefined,
  remove: () => undefined,
  flush: () => [],
  clear: () => undefined,
  ...over,
});

describe('CcField', () => {
  it('shows each address as a chip with its own labelled remove button', () => {
    const html = renderToStaticMarkup(<CcField state={state({ chips: ['pat@example.com', 'sam@example.org'] })} disabled={false} hint="h" />);
    expect(html).toContain('aria-label="People to copy"');
    expect(html).toContain('aria-label="Remove pat@example.com"');
    expect(html).toContain('aria-label="Remove sam@example.org"');
  });

  it('labels the box and ties the reason for a refused address to it as an alert', () => {
    const html = renderToStaticMarkup(<CcField state={state({ text: 'nope', error: '“nope” is not a valid email address.' })} disabled={false} hint="Press Enter" />);
    expect(html).toMatch(/<label for="([^"]+)-cc">CC \(optional\)<\/label>/);
    expect(html).toContain('aria-invalid="true"');
    expect(html).toMatch(/aria-describedby="[^"]+-hint [^"]+-error"/);
    expect(html).toContain('role="alert"');
  });

  it('offers Add only once something is typed', () => {
    expect(renderToStaticMarkup(<CcField state={state()} disabled={false} hint="h" />)).toMatch(/<button type="button" class="sb-button sb-button-secondary" disabled="">Add/);
    expect(renderToStaticMarkup(<CcField state={state({ text: 'a@b.co' })} disabled={false} hint="h" />)).not.toMatch(/disabled="">Add/);
  });
});
