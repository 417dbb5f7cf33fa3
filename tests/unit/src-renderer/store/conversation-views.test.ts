import { describe, expect, it } from 'vitest';
import { myDepartments, myLiveChats, myLoad, waitingCounts, waitingIn } from '../../../../src-renderer/store/conversation-views';
import { ME, conversation, department, specialist } from '../factories';

const map = (...list: ReturnType<typeof conversation>[]) => Object.fromEntries(list.map((c) => [c.id, c]));
const me = { id: ME, displayName: 'Me' };

describe('queue selectors', () => {
  it('lists waiting visitors of a department longest-waiting first', () => {
    const late = conversation({ queuedAt: 300 });
    const early = conversation({ queuedAt: 100 });
    const other = conversation({ departmentId: 'finance', queuedAt: 50 });
    const taken = conversation({ state: 'active', specialist: me });
    expect(waitingIn(map(late, early, other, taken), 'technical').map((c) => c.id)).toEqual([early.id, late.id]);
    expect(waitingIn(map(late, early, other, taken), null)).toHaveLength(3);
  });

  it('counts waiting visitors per department', () => {
    expect(waitingCounts(map(conversation(), conversation(), conversation({ departmentId: 'finance' }), conversation({ state: 'ended' })))).toEqual({
      technical: 2,
      finance: 1,
    });
  });
});

describe('my chats and load', () => {
  it('counts assigned and active chats of mine against my maximum', () => {
    const convs = map(
      conversation({ state: 'assigned', specialist: me, assignedAt: 2 }),
      conversation({ state: 'active', specialist: me, assignedAt: 1 }),
      conversation({ state: 'ended', specialist: me }),
      conversation({ state: 'active', specialist: { id: '10000000-0000-4000-8000-000000000009', displayName: 'Other' } }),
    );
    const mine = specialist({ id: ME, maxConcurrentChats: 2 });
    expect(myLoad(convs, mine)).toEqual({ active: 2, max: 2, full: true });
    expect(myLiveChats(convs, ME).map((c) => c.assignedAt)).toEqual([1, 2]);
  });

  it('shows agents only their departments and leads all, in configured order', () => {
    const deps = [department('technical', 2), department('finance', 1), department('media', 0)];
    expect(myDepartments(deps, specialist({ departmentIds: ['technical', 'finance'] })).map((d) => d.id)).toEqual(['finance', 'technical']);
    expect(myDepartments(deps, specialist({ role: 'lead', departmentIds: [] })).map((d) => d.id)).toEqual(['media', 'finance', 'technical']);
  });
});
