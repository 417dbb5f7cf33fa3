// /status/unsubscribe?token= from a status email (components/ConfirmUnsubscribe.tsx asks before it posts).
import { ConfirmUnsubscribe, type UnsubscribeWording } from '../components/ConfirmUnsubscribe';
import { statusApi } from './status-api';

const wording: UnsubscribeWording = {
  heading: 'Unsubscribe from status emails?',
  lead: 'You will no longer get an email when an incident starts, gets an update or is resolved.',
  done: () => 'We will send no more status emails to this address. You can subscribe again on the status page at any time.',
  backTo: '/status',
  backLabel: 'Go to System status',
  keepLabel: 'Keep my subscription',
  testId: 'unsubscribe',
};

export function UnsubscribePage({ token }: { token: string }) {
  const unsubscribe = async (t: string) => {
    const r = await statusApi.unsubscribe(t);
    return r.ok ? { ok: true as const, value: '' } : r;
  };
  return <ConfirmUnsubscribe token={token} wording={wording} unsubscribe={unsubscribe} />;
}
