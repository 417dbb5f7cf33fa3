// /help/unsubscribe?token= from a help center email (components/ConfirmUnsubscribe.tsx asks before it posts); the
// question names what the link stops, read from the token's unsigned part (unsubscribe-scope.ts).
import { ConfirmUnsubscribe } from '../components/ConfirmUnsubscribe';
import { subscriptionsApi } from '../portal/subscriptions-api';
import { linkScope, scopeQuestion } from './unsubscribe-scope';

const notValid = 'This link is not valid. It may have been cut short by your email program; you can manage what you follow under Subscriptions.';

export function HelpUnsubscribePage({ token }: { token: string }) {
  const question = scopeQuestion[linkScope(token)];
  return (
    <ConfirmUnsubscribe
      token={token}
      wording={{
        heading: question.heading,
        lead: question.lead,
        done: (what) => `We will send no more emails about ${what}. You can follow it again in the help center at any time.`,
        backTo: '/portal/subscriptions',
        backLabel: 'Manage your subscriptions',
        keepLabel: 'Keep it, manage subscriptions',
        testId: 'help-unsubscribe',
      }}
      unsubscribe={async (t) => {
        const r = await subscriptionsApi.unsubscribe(t);
        return r.ok ? { ok: true, value: r.value.what } : r;
      }}
      errorText={(e) => (e.code === 'not_found' ? notValid : e.message)}
    />
  );
}
