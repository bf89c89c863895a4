import { describe, expect, it } from 'vitest';
import { FrameReader, frame, MAX_TCP_MESSAGE } from '../../src/dns/framing.js';

describe('TCP framing', () => {
  const first = Buffer.from('first message');
  const second = Buffer.alloc(MAX_TCP_MESSAGE, 7);

  it('prefixes the two-byte length', () => {
    expect([...frame(Buffer.from([9, 8]))]).toEqual([0, 2, 9, 8]);
  });

  it('refuses a message over 65535 bytes', () => {
    expect(() => frame(Buffer.alloc(MAX_TCP_MESSAGE + 1))).toThrow(RangeError);
  });

  it('reassembles messages fed one byte at a time', () => {
    const stream = Buffer.concat([frame(first), frame(second)]);
    const reader = new FrameReader();
    const messages: Buffer[] = [];
    for (let i = 0; i < stream.length; i += 1) messages.push(...reader.push(stream.subarray(i, i + 1)));
    expect(messages.map((message) => message.length)).toEqual([first.length, MAX_TCP_MESSAGE]);
    expect(messages[0]?.toString()).toBe('first message');
  });

  it('splits several messages that arrive in one chunk, keeping a partial one for later', () => {
    const stream = Buffer.concat([frame(first), frame(first), frame(second)]);
    const reader = new FrameReader();
    expect(reader.push(stream.subarray(0, stream.length - 10))).toHaveLength(2);
    expect(reader.push(stream.subarray(stream.length - 10))).toHaveLength(1);
  });
});
