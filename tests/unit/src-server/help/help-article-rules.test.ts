import { describe, expect, it } from 'vitest';
import { helpArticleUrl, nextRevision, publishPlan, refuseAgents } from '../../../../src-server/help/help-article-rules';

describe('refuseAgents', () => {
  it('refuses agents as forbidden and lets leads and admins through', () => {
    expect(refuseAgents({ role: 'agent' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(refuseAgents({ role: 'lead' })).toBeNull();
    expect(refuseAgents({ role: 'admin' })).toBeNull();
  });
});

describe('nextRevision', () => {
  it('is the one after the newest when the editor started from the newest', () => {
    expect(nextRevision({ latestRevision: 4 }, 4)).toEqual({ ok: true, value: 5 });
  });

  it('is a conflict naming both revisions when someone saved since', () => {
    const r = nextRevision({ latestRevision: 5 }, 4);
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!r.ok && r.error.message).toMatch(/Revision 5 .* revision 4/);
  });

  it('is a conflict for a base newer than the newest too', () => {
    expect(nextRevision({ latestRevision: 2 }, 3)).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});

describe('publishPlan', () => {
  const draft = { status: 'draft' as const, latestRevision: 1, publishedRevision: null, firstPublishedAt: null };

  it('publishes a draft as new, first published now', () => {
    expect(publishPlan(draft, 1000)).toEqual({ kind: 'publish', revision: 1, change: 'new', firstPublishedAt: 1000 });
  });

  it('is unchanged when readers already see the newest revision', () => {
    expect(publishPlan({ status: 'published', latestRevision: 3, publishedRevision: 3, firstPublishedAt: 10 }, 1000)).toEqual({ kind: 'unchanged' });
  });

  it('publishes a newer revision as updated, keeping the first publication time', () => {
    expect(publishPlan({ status: 'published', latestRevision: 4, publishedRevision: 3, firstPublishedAt: 10 }, 1000)).toEqual({ kind: 'publish', revision: 4, change: 'updated', firstPublishedAt: 10 });
  });

  it('republishes a taken-down article as updated', () => {
    expect(publishPlan({ status: 'unpublished', latestRevision: 2, publishedRevision: null, firstPublishedAt: 10 }, 1000)).toMatchObject({ kind: 'publish', change: 'updated', firstPublishedAt: 10 });
  });
});

it('helpArticleUrl is the reader path of the slug', () => {
  expect(helpArticleUrl('support-hours')).toBe('/help/articles/support-hours');
});
