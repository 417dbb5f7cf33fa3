import { describe, expect, it } from 'vitest';
import { checkDraft, draftToResolution, emptyDraft, pickerChoices } from '../../../../src-renderer/tickets/resolution-choices';
import { AUTO_SOLVED_RESOLUTION_ID, DUPLICATE_RESOLUTION_ID, resolutionCatalog } from '../../../../src-shared/resolution-catalog';

const ids = (groups: { types: { id: string }[] }[]) => groups.flatMap((g) => g.types.map((t) => t.id));

describe('pickerChoices', () => {
  it('never offers the system-only type', () => {
    expect(ids(pickerChoices('', null).groups)).not.toContain(AUTO_SOLVED_RESOLUTION_ID);
  });

  it('offers Configuration request only on Lumina tickets', () => {
    expect(ids(pickerChoices('', null).groups)).not.toContain('configuration-request');
    expect(ids(pickerChoices('', 'lumina').groups)).toContain('configuration-request');
  });

  it('filters by label and description words, keeping the groups', () => {
    const { groups } = pickerChoices('training cancel', null);
    expect(ids(groups)).toEqual(['training-cancelled']);
    expect(groups[0]!.label).toBe('Training');
  });

  it('explains why a searched-for type is not offered', () => {
    const { refused } = pickerChoices('no response', null);
    expect(refused.map((r) => [r.type.id, r.reason])).toEqual([[AUTO_SOLVED_RESOLUTION_ID, 'Set by the system only']]);
    expect(pickerChoices('configuration', null).refused[0]?.reason).toBe('Only for Lumina tickets');
  });

  it('matching a group label shows the whole group', () => {
    expect(ids(pickerChoices('defect', null).groups)).toEqual(['code-fix', 'data-fix']);
  });
});

describe('resolution drafts', () => {
  const t = { id: 10, product: null };

  it('requires the original ticket for Duplicate', () => {
    const draft = emptyDraft(DUPLICATE_RESOLUTION_ID);
    expect(checkDraft(draft, t).ok).toBe(false);
    expect(checkDraft({ ...draft, linkedTicketId: '#7' }, t)).toEqual({ ok: true });
    expect(draftToResolution({ ...draft, linkedTicketId: '#7' })).toEqual({ typeId: DUPLICATE_RESOLUTION_ID, catalogVersion: resolutionCatalog.version, linkedTicketId: 7 });
  });

  it('refuses a duplicate of itself', () => {
    expect(checkDraft({ ...emptyDraft(DUPLICATE_RESOLUTION_ID), linkedTicketId: '10' }, t).ok).toBe(false);
  });

  it('records approval only for types that may need it', () => {
    const withApproval = { ...emptyDraft('data-fix'), approvalRequested: true };
    expect(draftToResolution(withApproval).approval).toEqual({ requested: true, received: false });
    expect(draftToResolution({ ...emptyDraft('code-fix'), approvalRequested: true }).approval).toBeUndefined();
  });

  it('refuses the system-only type and an empty pick', () => {
    expect(checkDraft(emptyDraft(AUTO_SOLVED_RESOLUTION_ID), t).ok).toBe(false);
    expect(checkDraft(emptyDraft(), t).ok).toBe(false);
  });

  it('refuses Configuration request on a non-Lumina ticket and accepts it on Lumina', () => {
    expect(checkDraft(emptyDraft('configuration-request'), t).ok).toBe(false);
    expect(checkDraft(emptyDraft('configuration-request'), { id: 10, product: 'lumina' }).ok).toBe(true);
  });
});
