import { describe, expect, it } from 'vitest';
import type { Availability, Department } from '../../../../../src-shared/department';
import { queuedChatView } from './chat-view-fixture';
import { emailInsteadOffered, hoursLineFor, hoursLines, withDepartment } from '../../../../../src-server/widget/src/widget-store';

const schedule = { zone: 'America/New_York', weekly: [], holidays: [] };
const dept = (id: string, name: string): Department => ({ id, name, description: '', schedule, routing: 'auto', product: null, position: 0, greeting: '', email: null });
const avail = (departmentId: string, inHours: boolean, hoursText: string): Availability => ({
  departmentId,
  inHours,
  mode: inHours ? 'chat' : 'email',
  nextChangeAt: null,
  hoursText,
});

describe('hoursLines', () => {
  it('groups departments that share the same hours, as in the support docs', () => {
    const departments = [dept('media', 'All Media'), dept('tech', 'Technical'), dept('finance', 'Finance')];
    const availability = {
      media: avail('media', true, '9 am to 7 pm Eastern Time'),
      tech: avail('tech', true, '9 am to 7 pm Eastern Time'),
      finance: avail('finance', true, '9 am to 5 pm Eastern Time'),
    };
    expect(hoursLines(departments, availability)).toEqual([
      'All Media, Technical: 9 am to 7 pm Eastern Time',
      'Finance: 9 am to 5 pm Eastern Time',
    ]);
  });
});

describe('hoursLineFor', () => {
  it('names every department sharing the chosen one\'s hours', () => {
    const departments = [dept('media', 'All Media'), dept('tech', 'Technical'), dept('finance', 'Finance')];
    const availability = {
      media: avail('media', true, '9 am to 7 pm Eastern Time'),
      tech: avail('tech', true, '9 am to 7 pm Eastern Time'),
      finance: avail('finance', true, '9 am to 5 pm Eastern Time'),
    };
    expect(hoursLineFor(departments, availability, 'tech')).toBe('All Media, Technical: 9 am to 7 pm Eastern Time');
    expect(hoursLineFor(departments, availability, 'finance')).toBe('Finance: 9 am to 5 pm Eastern Time');
    expect(hoursLineFor(departments, {}, 'tech')).toBe('');
  });
});

describe('emailInsteadOffered', () => {
  const chat = queuedChatView;
  const emailOnly = { media: avail('media', false, 'a') };
  const chatting = { media: avail('media', true, 'a') };

  it('offers email while queued in a department that can no longer chat', () => {
    expect(emailInsteadOffered({ chat: chat(), availability: emailOnly })).toBe(true);
  });

  it('does not offer it while the department can still chat or its availability is unknown', () => {
    expect(emailInsteadOffered({ chat: chat(), availability: chatting })).toBe(false);
    expect(emailInsteadOffered({ chat: chat(), availability: {} })).toBe(false);
  });

  it('does not offer it once a specialist took the chat, after it ended, or without a ticket to keep the question', () => {
    expect(emailInsteadOffered({ chat: chat({ state: 'active' }), availability: emailOnly })).toBe(false);
    expect(emailInsteadOffered({ chat: chat({ state: 'ended' }), availability: emailOnly })).toBe(false);
    expect(emailInsteadOffered({ chat: chat({ ticketId: null }), availability: emailOnly })).toBe(false);
    expect(emailInsteadOffered({ chat: null, availability: emailOnly })).toBe(false);
  });
});

describe('withDepartment', () => {
  const list = [{ ...dept('media', 'AV Media'), position: 1 }, { ...dept('tech', 'Technical'), position: 2 }];

  it('replaces a changed department in place and keeps the server order', () => {
    const renamed = { ...dept('tech', 'Tech support'), position: 2 };
    expect(withDepartment(list, renamed)?.map((d) => d.name)).toEqual(['AV Media', 'Tech support']);
  });

  it('adds a new one and follows a reorder', () => {
    const added = { ...dept('finance', 'Finance'), position: 0 };
    expect(withDepartment(list, added)?.map((d) => d.id)).toEqual(['finance', 'media', 'tech']);
    expect(withDepartment(list, { ...dept('media', 'AV Media'), position: 3 })?.map((d) => d.id)).toEqual(['tech', 'media']);
  });

  it('leaves a list not loaded yet alone', () => {
    expect(withDepartment(null, dept('media', 'AV Media'))).toBeNull();
  });
});
