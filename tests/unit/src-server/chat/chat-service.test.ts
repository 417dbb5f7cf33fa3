import { describe, expect, it } from 'vitest';
import { uuidV7 } from '../../../../src-server/chat/chat-service';
import { messageIdSchema } from '../../../../src-shared/ids';

describe('uuidV7', () => {
  it('is a valid message id of version 7 that leads with the creation time', () => {
    const at = Date.UTC(2026, 10, 18, 15, 0);
    const id = uuidV7(at);
    expect(messageIdSchema.safeParse(id).success).toBe(true);
    expect(id[14]).toBe('7');
    expect(parseInt(id.slice(0, 8) + id.slice(9, 13), 16)).toBe(at);
  });

  it('sorts later ids after earlier ones, so new rows land at the end of the primary-key index', () => {
    const ids = [1, 2, 1_000, 1_700_000_000_000].map((t) => uuidV7(t));
    expect([...ids].sort()).toEqual(ids);
  });

  it('differs between ids of the same millisecond', () => {
    expect(uuidV7(5)).not.toBe(uuidV7(5));
  });
});
