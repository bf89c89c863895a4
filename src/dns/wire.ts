import dnsPacket from 'dns-packet';
import type { DecodedPacket } from 'dns-packet';
import { normalizeName } from './names.js';
import type { RecordType } from './types.js';

/** The EDNS0 UDP payload size DNS Flag Day 2020 settled on: big enough for most answers, small enough not to fragment. */
export const EDNS_UDP_PAYLOAD = 1232;

/** dns-packet decodes the rcode and opcode but its type declarations leave them out. */
export type DecodedMessage = DecodedPacket & { rcode: string; opcode: string };

export function encodeQuery(id: number, name: string, type: RecordType): Buffer {
  return dnsPacket.encode({
    type: 'query',
    id,
    flags: dnsPacket.RECURSION_DESIRED,
    questions: [{ name, type, class: 'IN' }],
    additionals: [
      {
        type: 'OPT',
        name: '.',
        udpPayloadSize: EDNS_UDP_PAYLOAD,
        extendedRcode: 0,
        ednsVersion: 0,
        flags: 0,
        flag_do: false,
        options: [],
      },
    ],
  });
}

/** Decodes a DNS message; throws on anything malformed, including a message cut short. */
export function decodeMessage(buf: Buffer): DecodedMessage {
  // The cast only adds the rcode/opcode fields dns-packet sets but does not declare.
  const message = dnsPacket.decode(buf) as DecodedMessage;
  // dns-packet reads A/AAAA data without bounds checks, so a short packet can decode "successfully".
  if (dnsPacket.decode.bytes > buf.length) throw new Error('message ends early');
  return message;
}

/** Whether a decoded message is the reply to exactly this question (same id, one question, same name/type/class). */
export function isReplyTo(message: DecodedMessage, id: number, name: string, type: RecordType): boolean {
  const [question, ...others] = message.questions ?? [];
  return (
    message.type === 'response' &&
    message.id === id &&
    question !== undefined &&
    others.length === 0 &&
    normalizeName(question.name) === name &&
    question.type === type &&
    (question.class ?? 'IN') === 'IN'
  );
}
