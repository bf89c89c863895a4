/** DNS over TCP prefixes every message with its length in two bytes (RFC 1035 §4.2.2, RFC 7766 §8). */
export const MAX_TCP_MESSAGE = 0xffff;

export function frame(message: Buffer): Buffer {
  if (message.length > MAX_TCP_MESSAGE) throw new RangeError(`DNS message of ${message.length} bytes cannot be sent over TCP`);
  const prefix = Buffer.alloc(2);
  prefix.writeUInt16BE(message.length);
  return Buffer.concat([prefix, message]);
}

/** Reassembles length-prefixed messages from a TCP stream, whatever the chunking. */
export class FrameReader {
  #pending: Buffer = Buffer.alloc(0);

  /** Feeds one chunk; returns the messages it completed, in order. */
  push(chunk: Buffer): Buffer[] {
    this.#pending = this.#pending.length === 0 ? chunk : Buffer.concat([this.#pending, chunk]);
    const messages: Buffer[] = [];
    while (this.#pending.length >= 2) {
      const length = this.#pending.readUInt16BE(0);
      if (this.#pending.length < 2 + length) break;
      messages.push(this.#pending.subarray(2, 2 + length));
      this.#pending = this.#pending.subarray(2 + length);
    }
    return messages;
  }
}
