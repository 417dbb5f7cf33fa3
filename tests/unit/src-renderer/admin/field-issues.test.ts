import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issuesByPath, nestedIssues, zodFieldIssues } from '../../../../src-renderer/admin/field-issues';

describe('field issues', () => {
  it('keys a bad_request’s issues by the path inside the edited object, first message winning', () => {
    const issues = [
      { path: 'patch.greeting', message: 'too long' },
      { path: 'patch.greeting', message: 'second' },
      { path: 'departmentId', message: 'lowercase slug' },
    ];
    expect(issuesByPath(issues, 'patch.')).toEqual({ greeting: 'too long', departmentId: 'lowercase slug' });
    expect(issuesByPath(undefined)).toEqual({});
  });

  it('reads a zod failure the same way', () => {
    const r = z.object({ name: z.string().min(1, 'required') }).safeParse({ name: '' });
    if (r.success) throw new Error('expected failure');
    expect(zodFieldIssues(r.error)).toEqual({ name: 'required' });
  });

  it('hands a nested editor its own part', () => {
    expect(nestedIssues({ 'schedule.weekly.0.open': 'bad', schedule: 'overall', name: 'x' }, 'schedule.')).toEqual([
      { path: 'weekly.0.open', message: 'bad' },
      { path: '', message: 'overall' },
    ]);
  });
});
