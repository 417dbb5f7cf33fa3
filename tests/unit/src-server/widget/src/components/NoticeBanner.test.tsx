import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { NoticeBanner } from '../../../../../../src-server/widget/src/components/NoticeBanner';

describe('NoticeBanner', () => {
  it('shows nothing without a notice', () => {
    expect(renderToStaticMarkup(<NoticeBanner notice={null} />)).toBe('');
  });

  it('announces an outage as an alert and other notices politely', () => {
    const outage = renderToStaticMarkup(<NoticeBanner notice={{ id: 'n1', severity: 'outage', text: 'Streams are down.', postedAt: 0 }} />);
    expect(outage).toContain('role="alert"');
    expect(outage).toContain('Streams are down.');
    const info = renderToStaticMarkup(<NoticeBanner notice={{ id: 'n2', severity: 'info', text: 'Maintenance at 22:00.', postedAt: 0 }} />);
    expect(info).toContain('role="status"');
  });
});
