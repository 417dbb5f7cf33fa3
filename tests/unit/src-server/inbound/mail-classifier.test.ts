import { describe, expect, it } from 'vitest';
import { classifyMail } from '../../../../src-server/inbound/mail-classifier';

const mail = (headers: Record<string, string>, from = 'ann@customer.example') => ({
  headers: new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
  from,
  ownMessageIdDomain: 'support.example.com',
});

describe('classifyMail', () => {
  it('a plain mail from a person is human', () => {
    expect(classifyMail(mail({ 'Message-ID': '<abc@customer.example>' }))).toEqual({ kind: 'human' });
  });
  it('Auto-Submitted other than "no" is automatic; "no" is not', () => {
    expect(classifyMail(mail({ 'Auto-Submitted': 'auto-replied' }))).toEqual({ kind: 'automatic', reason: 'Auto-Submitted: auto-replied' });
    expect(classifyMail(mail({ 'Auto-Submitted': 'No' }))).toEqual({ kind: 'human' });
  });
  it('Precedence bulk, junk and list are automatic; first-class is not', () => {
    for (const p of ['bulk', 'junk', 'list', 'Bulk']) expect(classifyMail(mail({ Precedence: p })).kind).toBe('automatic');
    expect(classifyMail(mail({ Precedence: 'first-class' })).kind).toBe('human');
  });
  it('X-Autoreply and X-Autorespond are automatic', () => {
    expect(classifyMail(mail({ 'X-Autoreply': 'yes' })).kind).toBe('automatic');
    expect(classifyMail(mail({ 'X-Autorespond': 'vacation' })).kind).toBe('automatic');
  });
  it('bounces: mailer-daemon, postmaster and an empty Return-Path are automatic', () => {
    expect(classifyMail(mail({}, 'mailer-daemon@mx.customer.example')).kind).toBe('automatic');
    expect(classifyMail(mail({}, 'postmaster@customer.example')).kind).toBe('automatic');
    expect(classifyMail(mail({ 'Return-Path': '<>' })).kind).toBe('automatic');
    expect(classifyMail(mail({ 'Return-Path': '<ann@customer.example>' })).kind).toBe('human');
  });
  it('our own mail coming back (X-Switchboard header or our Message-ID) is automatic', () => {
    expect(classifyMail(mail({ 'X-Switchboard-Ticket': '4' })).kind).toBe('automatic');
    expect(classifyMail(mail({ 'Message-ID': '<switchboard.outbox.9.abc@support.example.com>' }))).toEqual({ kind: 'automatic', reason: 'our own outgoing mail (Message-ID)' });
    expect(classifyMail(mail({ 'Message-ID': '<switchboard.outbox.9.abc@elsewhere.example>' })).kind).toBe('human');
  });
  it('a mail without a From address is never answered', () => {
    expect(classifyMail(mail({}, '')).kind).toBe('automatic');
  });
});
