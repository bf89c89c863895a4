import type { DnsOutcome, QueryLogEntry } from '../../src/dns/types.js';

/** The DNS shapes an artifact records, for evaluate to read without reaching into the resolver. */
export type { DnsOutcome, QueryLogEntry };
import type { DnsSeen } from './dns-seen.js';
import type { DmarcDiscovery } from './dmarc/discover.js';
import type { ReportDestination } from './dmarc/report-auth.js';
import type { UnsubscribeHeaders } from './message/one-click.js';
import type { CheckHostResult, SpfAnalysis } from './spf/index.js';
import type { ReturnPathSource } from './streams.js';

/** The MTA-STS policy file as fetched: HTTP trouble kept as data. */
export interface PolicySeen {
  url: string;
  status?: number;
  contentType?: string;
  body?: string;
  error?: string;
}

export interface ReverseDnsSeen {
  ip: string;
  ptr: DnsSeen;
  forward: { name: string; answer: DnsSeen }[];
}

export interface DkimSeen {
  selector: string;
  /** The signing domain, d=. */
  domain: string;
  /** True when the selector came from the common-selector list, not the profile. */
  probed: boolean;
  /** For probed selectors: whose selector it is. */
  provider?: string;
  answer: DnsSeen;
}

export interface DomainArtifact {
  /** The profile entry's name, when given. */
  name?: string;
  from: string;
  /** The stream's envelope domain: seen in its sample message, else declared, else the From domain. */
  returnPath: string;
  /** Absent in artifacts saved before streams were told apart. */
  returnPathSource?: ReturnPathSource;
  /** The sample messages (files) that show this stream: their Return-Path and signatures are its evidence. */
  samples?: string[];
  /** The envelope domain's SPF tree, walked without a client IP. */
  spf: SpfAnalysis;
  /** check_host() of each sending IP against the envelope domain. */
  spfChecks: { ip: string; result: CheckHostResult }[];
  dkim: DkimSeen[];
  dmarc: DmarcDiscovery;
  /** rua/ruf destinations of the record that applies, with their authorisation. */
  reportDestinations: ReportDestination[];
  /** MX of the From domain (artifacts saved before the envelope domain was left out may hold its MX too). */
  mx: { domain: string; answer: DnsSeen }[];
  /** A and AAAA of the From domain when it has no MX: its implicit MX (RFC 5321 §5.1). */
  implicitMx?: DnsSeen[];
  reverseDns: ReverseDnsSeen[];
  mtaSts: { txt: DnsSeen; policy?: PolicySeen };
  tlsRpt: DnsSeen;
  bimi: DnsSeen;
}

/** What a sample message shows: kept to the headers the rules read; unsubscribe URLs without their query (recipient tokens). */
export interface SampleSeen {
  file: string;
  fromDomain?: string;
  returnPathDomain?: string;
  headers: UnsubscribeHeaders;
  /** The key each signature's s= and d= point to. */
  signatureKeys: DkimSeen[];
  problems: string[];
}

export interface EmailAuthArtifact {
  domains: DomainArtifact[];
  samples: (SampleSeen | { file: string; error: string })[];
  /** RFC 9989 organisational domains of every domain alignment compares. */
  organizationalDomains: { domain: string; organizationalDomain: string | undefined; error?: string }[];
  queries: { sent: number; distinct: number; log: QueryLogEntry[] };
}
