import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_CHARS } from '../../../../src-shared/limits';
import { ccsOf, commentBody } from '../../../../src-server/inbound/inbound-processor';
import { refusedNote } from '../../../../src-server/inbound/inbound-attachments';

describe('ccsOf', () => {
  it('keeps the other people on the mail, not the sender, not our addresses (plus-tagged too), not junk', () => {
    const ours = new Set(['tech@support.example.com', 'finance@support.example.com']);
    const mail = { from: 'ann@customer.example', recipients: ['Tech@support.example.com', 'finance+t4.abc@support.example.com', 'Bob@Customer.example', 'ann@customer.example', 'not an address', 'bob@customer.example'] };
    expect(ccsOf(mail, ours)).toEqual(['bob@customer.example']);
  });
});

describe('commentBody', () => {
  it('adds the note about refused files after the words', () => {
    expect(commentBody('It jams.', refusedNote([{ fileName: 'a.exe', reason: 'this kind of file is not accepted' }]))).toBe('It jams.\n\nAttachments not accepted: a.exe (this kind of file is not accepted).');
    expect(commentBody('It jams.', refusedNote([]))).toBe('It jams.');
  });
  it('cuts a long mail to what a comment holds and says so', () => {
    const body = commentBody('x'.repeat(MAX_MESSAGE_CHARS * 2), '');
    expect(body).toHaveLength(MAX_MESSAGE_CHARS);
    expect(body.endsWith('[Cut here: the whole mail is kept with the ticket.]')).toBe(true);
  });
});
