// The status page's HTTP calls (src-shared/protocol/status.ts); every answer is parsed with its schema.
import type { z } from 'zod';
import { statusPageSchema, statusSubscriptionSchema, statusUnsubscribedSchema } from '../../../../src-shared/protocol/status';
import { err, ok, type Result } from '../../../../src-shared/result';
import { call } from '../server-api';

async function parsed<S extends z.ZodType>(schema: S, answer: Promise<Result<unknown>>): Promise<Result<z.infer<S>>> {
  const res = await answer;
  if (!res.ok) return res;
  const value = schema.safeParse(res.value);
  return value.success ? ok(value.data) : err('internal', 'Support answered in a way this page does not understand. Reload the page and try again.');
}

const SUBSCRIPTION = '/api/portal/status-subscription';

export const statusApi = {
  // The answer may be kept 15 s by caches (status-routes.ts); this page asks the server each time, so a refetch on
  // focus shows what changed since rather than the browser's copy.
  status: () => parsed(statusPageSchema, call('/api/status', { cache: 'no-cache' })),
  subscription: () => parsed(statusSubscriptionSchema, call(SUBSCRIPTION)),
  /** No body: the session cookie says who; the portal's same-origin rule applies (the browser sends Origin). */
  setSubscribed: (on: boolean) => parsed(statusSubscriptionSchema, call(SUBSCRIPTION, { method: on ? 'PUT' : 'DELETE' })),
  unsubscribe: (token: string) => parsed(statusUnsubscribedSchema, call(`/api/status/unsubscribe?token=${encodeURIComponent(token)}`, { method: 'POST' })),
};
