import dnsPacket from 'dns-packet';
import type { Answer, OptAnswer, Packet, Question } from 'dns-packet';
import { MAX_TCP_MESSAGE } from '../../dns/framing.js';
import { EDNS_UDP_PAYLOAD, type DecodedMessage } from '../../dns/wire.js';
import { toAnswer } from './answers.js';
import type { Transport } from './counter.js';
import { findFault, type FaultRule } from './faults.js';
import type { ZoneRecord } from './zone-record.js';
import type { ZoneSet } from './zone-set.js';

export interface RespondContext {
  zones: ZoneSet;
  rules: readonly FaultRule[];
  transport: Transport;
}

/** dns-packet encodes no rcode field: the rcode is the low four bits of `flags`. */
const RCODE = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 } as const;
type Rcode = keyof typeof RCODE;

/** Without EDNS0 a UDP answer may not exceed 512 bytes (RFC 1035 §4.2.1). */
const CLASSIC_UDP_LIMIT = 512;

interface Decision {
  rcode: Rcode;
  authoritative: boolean;
  answers: ZoneRecord[];
  authorities: ZoneRecord[];
}

/** The messages to send back for one query, in order; none means stay silent. */
export function respond(query: DecodedMessage, context: RespondContext): Buffer[] {
  if (query.type !== 'query') return [];
  const id = query.id ?? 0;
  const questions = query.questions ?? [];
  const edns = query.additionals?.find((record): record is OptAnswer => record.type === 'OPT');
  const recursionDesired = (query.flags ?? 0) & dnsPacket.RECURSION_DESIRED;
  const base: Packet = {
    type: 'response',
    id,
    questions,
    additionals: edns ? [serverOpt()] : [],
  };
  const [question] = questions;
  if (question === undefined || questions.length !== 1) return [dnsPacket.encode({ ...base, flags: recursionDesired | RCODE.FORMERR })];

  const fault = findFault(context.rules, question.name, question.type);
  if (fault?.fault === 'drop') return [];
  const decision = decide(question, fault, context.zones);
  const flags = recursionDesired | (decision.authoritative ? dnsPacket.AUTHORITATIVE_ANSWER : 0) | RCODE[decision.rcode];
  const packet: Packet = { ...base, flags, answers: decision.answers.map(toAnswer), authorities: decision.authorities.map(toAnswer) };
  let wire = dnsPacket.encode(packet);

  const udpLimit = edns ? Math.max(CLASSIC_UDP_LIMIT, edns.udpPayloadSize) : CLASSIC_UDP_LIMIT;
  if (context.transport === 'udp' && (fault?.fault === 'truncate' || wire.length > udpLimit)) {
    wire = dnsPacket.encode({ ...packet, flags: flags | dnsPacket.TRUNCATED_RESPONSE, answers: [], authorities: [] });
  } else if (wire.length > MAX_TCP_MESSAGE) {
    wire = dnsPacket.encode({ ...base, flags: recursionDesired | RCODE.SERVFAIL });
  }

  if (fault?.fault === 'wrongId') {
    const forged = Buffer.from(wire);
    forged.writeUInt16BE((id + 1) & 0xffff, 0);
    return fault.alsoAnswer === false ? [forged] : [forged, wire];
  }
  return [wire];
}

function decide(question: Question, fault: FaultRule | undefined, zones: ZoneSet): Decision {
  const none: ZoneRecord[] = [];
  switch (fault?.fault) {
    case 'servfail':
      return { rcode: 'SERVFAIL', authoritative: false, answers: none, authorities: none };
    case 'refused':
      return { rcode: 'REFUSED', authoritative: false, answers: none, authorities: none };
    case 'nxdomain': {
      const soa = zones.soaFor(question.name);
      return { rcode: 'NXDOMAIN', authoritative: true, answers: none, authorities: soa ? [soa] : none };
    }
    default: {
      const resolution = zones.resolve(question.name, question.type);
      if (resolution.rcode === 'REFUSED') return { rcode: 'REFUSED', authoritative: false, answers: none, authorities: none };
      return { ...resolution, authoritative: true };
    }
  }
}

function serverOpt(): Answer {
  return { type: 'OPT', name: '.', udpPayloadSize: EDNS_UDP_PAYLOAD, extendedRcode: 0, ednsVersion: 0, flags: 0, flag_do: false, options: [] };
}
