// Decides whether an inbound mail was written by a machine (auto-reply, bounce, list, our own echo) so it is recorded and never answered.

/** Header values as mailparser gives them, lower-cased names; only the few we read. */
export interface ClassifiableMail {
  /** Lower-cased header name → raw value(s). */
  headers: ReadonlyMap<string, string | readonly string[]>;
  /** Bare From address, lower-cased ('' when absent). */
  from: string;
  /** Message-IDs we put on our own outgoing mail look like this; a match means the mail is our own coming back. */
  ownMessageIdDomain: string;
}

export type MailKind = { kind: 'human' } | { kind: 'automatic'; reason: string };

const MACHINE_SENDERS = /^(mailer-daemon|postmaster|no-?reply|bounces?)(\+[^@]*)?@/i;

function values(headers: ClassifiableMail['headers'], name: string): string[] {
  const v = headers.get(name);
  if (v === undefined) return [];
  return (typeof v === 'string' ? [v] : [...v]).map((s) => s.trim());
}

/**
 * RFC 3834 and the de-facto headers vacation responders, list servers and MTAs set. Checked in order of how
 * certain they are; the first reason wins so the record says why. Anything unsure counts as automatic:
 * answering a machine risks a mail loop, ignoring a person only costs them a retry through the form.
 */
export function classifyMail(mail: ClassifiableMail): MailKind {
  const auto = values(mail.headers, 'auto-submitted').find((v) => v.toLowerCase() !== 'no');
  if (auto !== undefined) return { kind: 'automatic', reason: `Auto-Submitted: ${auto}` };
  const precedence = values(mail.headers, 'precedence').find((v) => /^(bulk|junk|list|auto_reply)$/i.test(v));
  if (precedence !== undefined) return { kind: 'automatic', reason: `Precedence: ${precedence}` };
  if (values(mail.headers, 'x-autoreply').length > 0) return { kind: 'automatic', reason: 'X-Autoreply' };
  if (values(mail.headers, 'x-autorespond').length > 0) return { kind: 'automatic', reason: 'X-Autorespond' };
  if (values(mail.headers, 'return-path').some((v) => /^<\s*>$/.test(v))) return { kind: 'automatic', reason: 'empty Return-Path (bounce)' };
  if (mail.from === '') return { kind: 'automatic', reason: 'no From address' };
  if (MACHINE_SENDERS.test(mail.from)) return { kind: 'automatic', reason: `machine sender ${mail.from}` };
  if ([...mail.headers.keys()].some((k) => k.startsWith('x-switchboard-'))) return { kind: 'automatic', reason: 'our own outgoing mail (X-Switchboard header)' };
  const own = `@${mail.ownMessageIdDomain.toLowerCase()}>`;
  const messageId = values(mail.headers, 'message-id')[0]?.toLowerCase() ?? '';
  if (messageId.startsWith('<switchboard.') && messageId.endsWith(own)) return { kind: 'automatic', reason: 'our own outgoing mail (Message-ID)' };
  return { kind: 'human' };
}
