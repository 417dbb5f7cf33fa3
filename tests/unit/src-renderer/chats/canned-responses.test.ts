import { describe, expect, it } from 'vitest';
import { cannedForDepartment, chatTemplateValues, matchCanned, slashQuery } from '../../../../src-renderer/chats/canned-responses';
import { fillTemplate, type CannedResponse } from '../../../../src-shared/canned-response';

let n = 0;
const canned = (shortcut: string, departmentId: string | null, body = `${shortcut} text`): CannedResponse => ({
  id: `40000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  departmentId,
  shortcut,
  title: shortcut,
  body,
  updatedAt: 1,
});

describe('slashQuery', () => {
  it('recognises a lone slash command only', () => {
    expect(slashQuery('/')).toBe('');
    expect(slashQuery('/Brow')).toBe('brow');
    expect(slashQuery('hello /brow')).toBeNull();
    expect(slashQuery('/brow ser')).toBeNull();
  });
});

describe('matchCanned', () => {
  it('lists shortcut prefix matches before text mentions', () => {
    const list = [
      { shortcut: 'thanks', title: 'Closing', body: 'Glad I could help' },
      { shortcut: 'help', title: 'Help', body: 'x' },
    ];
    expect(matchCanned(list, 'h').map((c) => c.shortcut)).toEqual(['help', 'thanks']);
  });
  it('offers every response for a bare slash', () => {
    const list = [canned('a', null), canned('b', 'technical')];
    expect(matchCanned(list, '')).toEqual(list);
  });
});

describe('cannedForDepartment', () => {
  it('offers the chat department’s responses and the shared ones, not other departments’', () => {
    const list = [canned('hello', null), canned('invoice', 'finance'), canned('stream', 'technical')];
    expect(cannedForDepartment(list, 'technical').map((c) => c.shortcut)).toEqual(['hello', 'stream']);
    expect(cannedForDepartment(list, null).map((c) => c.shortcut)).toEqual(['hello']);
  });

  it('a department’s own response hides a shared one with the same shortcut', () => {
    const own = canned('hello', 'technical', 'Technical says hi');
    const list = [canned('hello', null, 'Everyone says hi'), own];
    expect(cannedForDepartment(list, 'technical')).toEqual([own]);
    expect(cannedForDepartment(list, 'finance').map((c) => c.body)).toEqual(['Everyone says hi']);
  });
});

describe('chatTemplateValues', () => {
  it('fills the chat’s customer, my name and the department; a missing one stays as typed', () => {
    const values = chatTemplateValues({ visitorEmail: 'pat@example.com', specialistName: 'Dana', departmentName: null });
    expect(fillTemplate('We write to {visitor.email}. — {specialist.name}, {department.name}', values)).toBe('We write to pat@example.com. — Dana, {department.name}');
  });
});
