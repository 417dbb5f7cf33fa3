// System notice slot: the incident banner leads post ("Streaming is degraded; we're on it").
import type { SystemNotice } from '../../../../src-shared/notice';

export function NoticeBanner({ notice }: { notice: SystemNotice | null }) {
  if (!notice) return null;
  return (
    <div className={`sb-notice sb-notice-${notice.severity}`} role={notice.severity === 'outage' ? 'alert' : 'status'}>
      <strong className="sb-notice-label">{notice.severity === 'info' ? 'Notice' : notice.severity === 'warning' ? 'Heads up' : 'Service problem'}</strong>{' '}
      {notice.text}
    </div>
  );
}
