import { describe, expect, it } from 'vitest';
import { helpStatusChip } from '../../../../src-renderer/help/help-status';

describe('article status chip', () => {
  it('names each of the four states readers can be in', () => {
    expect(helpStatusChip({ status: 'draft', hasUnpublishedChanges: true }).label).toBe('Draft');
    expect(helpStatusChip({ status: 'published', hasUnpublishedChanges: false }).label).toBe('Published');
    expect(helpStatusChip({ status: 'published', hasUnpublishedChanges: true })).toMatchObject({ label: 'Published · unpublished changes', tone: 'changed' });
    expect(helpStatusChip({ status: 'unpublished', hasUnpublishedChanges: false })).toMatchObject({ label: 'Unpublished', tone: 'unpublished' });
  });
});
