// The Subscriptions screen's HTTP calls (src-shared/protocol/help.ts): the caller's follows and delivery, the sections
// there are to follow, and the mailed one-click unfollow; every answer is parsed with its schema.
import type { z } from 'zod';
import type { FollowDelivery, FollowKind } from '../../../../src-shared/help-center';
import { followSettingsSchema, helpSectionsAnswerSchema, helpUnsubscribedSchema } from '../../../../src-shared/protocol/help';
import { err, ok, type Result } from '../../../../src-shared/result';
import { call } from '../server-api';

async function parsed<S extends z.ZodType>(schema: S, answer: Promise<Result<unknown>>): Promise<Result<z.infer<S>>> {
  const res = await answer;
  if (!res.ok) return res;
  const value = schema.safeParse(res.value);
  return value.success ? ok(value.data) : err('internal', 'Support answered in a way this page does not understand. Reload the page and try again.');
}

const FOLLOWS = '/api/portal/help/follows';

export const subscriptionsApi = {
  settings: () => parsed(followSettingsSchema, call(FOLLOWS)),
  sections: () => parsed(helpSectionsAnswerSchema, call('/api/help/sections')),
  /** No body: the session cookie says who; the portal's same-origin rule applies (the browser sends Origin). */
  setFollowed: (kind: FollowKind, id: string, on: boolean) =>
    parsed(followSettingsSchema, call(`${FOLLOWS}/${kind}/${encodeURIComponent(id)}`, { method: on ? 'PUT' : 'DELETE' })),
  setDelivery: (delivery: FollowDelivery) =>
    parsed(followSettingsSchema, call('/api/portal/help/delivery', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ delivery }) })),
  unsubscribe: (token: string) => parsed(helpUnsubscribedSchema, call(`/api/help/unsubscribe?token=${encodeURIComponent(token)}`, { method: 'POST' })),
};
