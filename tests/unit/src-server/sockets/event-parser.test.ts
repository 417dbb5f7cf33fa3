import { describe, expect, it } from 'vitest';
import { eventParser, NON_STRING_NAME, renameReserved, RESERVED_ALIAS_PREFIX, TOO_LARGE } from '../../../../src-server/sockets/event-parser';
import { EVENT_MAX_BYTES } from '../../../../src-shared/protocol/frame-limits';

function decode(...chunks: unknown[]): unknown[] {
  const decoder = new eventParser.Decoder();
  const out: unknown[] = [];
  decoder.on('decoded', (p: { data?: unknown }) => out.push(p.data));
  for (const c of chunks) decoder.add(c);
  return out;
}

describe('event parser', () => {
  it('renames reserved event names, escaped or not, keeping namespace, ack id and arguments', () => {
    expect(renameReserved('2/visitor,7["connect",{"a":1}]')).toBe(`2/visitor,7[${JSON.stringify(RESERVED_ALIAS_PREFIX + 'connect')},{"a":1}]`);
    expect(decode('2/agent,["conn\\u0065ct"]')).toEqual([[RESERVED_ALIAS_PREFIX + 'connect']]);
    expect(renameReserved('2/visitor,7["message:send",{}]')).toBeNull();
    // Names that are not strings (the stock decoder throws on them too) get one alias; numbers stay unknown names.
    for (const name of ['null', '{}', '[]', 'true']) expect(renameReserved(`2/visitor,7[${name},{}]`)).toBe(`2/visitor,7[${JSON.stringify(RESERVED_ALIAS_PREFIX + NON_STRING_NAME)},{}]`);
    expect(renameReserved('2/visitor,7[42,{}]')).toBeNull();
    expect(renameReserved('2/visitor,7[not json')).toBeNull();
  });

  it('marks an event over EVENT_MAX_BYTES, counting UTF-8 bytes and binary attachments', () => {
    expect(decode(`2["e","${'x'.repeat(EVENT_MAX_BYTES)}"]`)).toEqual([['e', TOO_LARGE]]);
    // Multi-byte characters: fewer characters than the limit, more bytes.
    expect(decode(`2["e","${'é'.repeat(EVENT_MAX_BYTES / 2)}"]`)).toEqual([['e', TOO_LARGE]]);
    expect(decode('2["e","small"]')).toEqual([['e', 'small']]);
    const [big] = decode('51-["e",{"_placeholder":true,"num":0}]', Buffer.alloc(EVENT_MAX_BYTES)) as [unknown[]];
    expect(big).toEqual(['e', TOO_LARGE]);
  });

  it('still refuses what is not a socket.io packet', () => {
    expect(() => decode('2/visitor,7[oops')).toThrow();
  });
});
