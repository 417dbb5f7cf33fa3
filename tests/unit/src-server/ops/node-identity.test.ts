import { describe, expect, it } from 'vitest';
import { nodeIdentity } from '../../../../src-server/ops/node-identity';

describe('nodeIdentity', () => {
  const unique = () => 'u1';
  it('takes NODE_ID as given', () => {
    expect(nodeIdentity({ nodeId: 'eu-1', hostname: 'h', port: 4080, unique })).toEqual({ id: 'eu-1', stable: true });
  });
  it('is the host name and port otherwise: the same after a restart, never shared by two running processes', () => {
    expect(nodeIdentity({ nodeId: null, hostname: 'h', port: 4081, unique })).toEqual({ id: 'h:4081', stable: true });
  });
  it('is unique per run on a port chosen by the OS (PORT=0), and then not stable', () => {
    expect(nodeIdentity({ nodeId: null, hostname: 'h', port: 0, unique })).toEqual({ id: 'h:u1', stable: false });
  });
});
