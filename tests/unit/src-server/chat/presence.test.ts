import { describe, expect, it } from 'vitest';
import { PresenceRegistry } from '../../../../src-server/chat/presence';
import type { Specialist } from '../../../../src-shared/specialist';

const dana = (over: Partial<Specialist> = {}): Specialist => ({
  id: 'dana',
  email: 'dana@example.com',
  displayName: 'Dana',
  role: 'agent',
  status: 'online',
  maxConcurrentChats: 3,
  departmentIds: ['finance'],
  activeChats: 0,
  active: true,
  ...over,
});

describe('PresenceRegistry', () => {
  it('counts sockets: the first connect and the last disconnect are the ones that matter', () => {
    const p = new PresenceRegistry();
    expect(p.connect('dana')).toBe(true);
    expect(p.connect('dana')).toBe(false);
    expect(p.disconnect('dana')).toBe(false);
    expect(p.isConnected('dana')).toBe(true);
    expect(p.disconnect('dana')).toBe(true);
    expect(p.isConnected('dana')).toBe(false);
  });

  it('routes to an online specialist connected here or holding a lease on another node', () => {
    const p = new PresenceRegistry();
    expect(p.isRoutable(dana(), new Set())).toBe(false);
    expect(p.isRoutable(dana(), new Set(['dana']))).toBe(true);
    p.connect('dana');
    expect(p.isRoutable(dana(), new Set())).toBe(true);
  });

  it('never routes to a specialist who is away, offline or deactivated, connected or not', () => {
    const p = new PresenceRegistry();
    p.connect('dana');
    const leased = new Set(['dana']);
    expect(p.isRoutable(dana({ status: 'away' }), leased)).toBe(false);
    expect(p.isRoutable(dana({ status: 'offline' }), leased)).toBe(false);
    expect(p.isRoutable(dana({ active: false }), leased)).toBe(false);
  });
});
