import { describe, expect, it } from 'vitest';
import { canTransition } from '../../../../src-shared/ticket-lifecycle';
import { checkPendingRcaPatch, isRcaDone } from '../../../../src-server/automation/pending-rca';
import { makeTicket } from './fixtures';

const refusedOn = (r: ReturnType<typeof checkPendingRcaPatch>) => (r.ok ? null : [r.error.code, r.error.issues?.[0]?.path]);

describe('checkPendingRcaPatch', () => {
  it('refuses a move to Fixed – Pending RCA without a workaround, even though canTransition allows the move', () => {
    const ticket = makeTicket({ status: 'open' });
    expect(canTransition('open', 'fixed_pending_rca', 'specialist')).toBe(true);
    expect(refusedOn(checkPendingRcaPatch(ticket, { status: 'fixed_pending_rca' }))).toEqual(['invalid_transition', 'workaround']);
    expect(refusedOn(checkPendingRcaPatch(ticket, { status: 'fixed_pending_rca', workaround: '   ' }))).toEqual(['invalid_transition', 'workaround']);
  });

  it('accepts the move with a workaround in the patch or already on the ticket', () => {
    expect(checkPendingRcaPatch(makeTicket(), { status: 'fixed_pending_rca', workaround: 'Use the CSV export' }).ok).toBe(true);
    expect(checkPendingRcaPatch(makeTicket({ workaround: 'Use the CSV export' }), { status: 'fixed_pending_rca' }).ok).toBe(true);
  });

  it('refuses blanking the workaround while the ticket is pending RCA', () => {
    const ticket = makeTicket({ status: 'fixed_pending_rca', workaround: 'Use the CSV export' });
    expect(refusedOn(checkPendingRcaPatch(ticket, { workaround: null }))).toEqual(['invalid_transition', 'workaround']);
  });

  it('records the RCA note while pending RCA, also in the patch that solves the ticket', () => {
    const ticket = makeTicket({ status: 'fixed_pending_rca', workaround: 'Use the CSV export' });
    expect(checkPendingRcaPatch(ticket, { rcaNote: 'Exporter timed out on plans over 10k lines' }).ok).toBe(true);
    expect(checkPendingRcaPatch(ticket, { status: 'solved', rcaNote: 'Exporter timed out', resolution: { typeId: 'code-fix', catalogVersion: 1 } }).ok).toBe(true);
  });

  it('records a late RCA note on a ticket that went through pending RCA and was solved since', () => {
    const ticket = makeTicket({ status: 'solved', workaround: 'Use the CSV export' });
    expect(checkPendingRcaPatch(ticket, { rcaNote: 'Exporter timed out' }).ok).toBe(true);
  });

  it('refuses an RCA note on a ticket that never was pending RCA, and an empty note', () => {
    expect(refusedOn(checkPendingRcaPatch(makeTicket({ status: 'open' }), { rcaNote: 'Root cause' }))).toEqual(['invalid_transition', 'rcaNote']);
    const pending = makeTicket({ status: 'fixed_pending_rca', workaround: 'Use the CSV export' });
    expect(refusedOn(checkPendingRcaPatch(pending, { rcaNote: ' ' }))).toEqual(['invalid_transition', 'rcaNote']);
  });

  it('lets patches that do not touch RCA fields through', () => {
    expect(checkPendingRcaPatch(makeTicket(), { subject: 'Export fails' }).ok).toBe(true);
    expect(checkPendingRcaPatch(makeTicket({ status: 'fixed_pending_rca', workaround: 'w' }), { status: 'open' }).ok).toBe(true);
  });
});

describe('isRcaDone', () => {
  it('is true only for a pending-RCA ticket with a note', () => {
    expect(isRcaDone(makeTicket({ status: 'fixed_pending_rca', workaround: 'w', rcaNote: 'cause' }))).toBe(true);
    expect(isRcaDone(makeTicket({ status: 'fixed_pending_rca', workaround: 'w' }))).toBe(false);
    expect(isRcaDone(makeTicket({ status: 'solved', workaround: 'w', rcaNote: 'cause' }))).toBe(false);
  });
});
