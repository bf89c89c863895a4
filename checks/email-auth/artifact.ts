import type { QueryLogEntry } from '../../src/dns/types.js';
import type { DnsSeen } from './dns-seen.js';
import type { DmarcDiscovery } from './dmarc/discover.js';
import type { ReportDestination } from './dmarc/report-auth.js';

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
  from: string;
  returnPath: string;
  dkim: DkimSeen[];
  dmarc: DmarcDiscovery;
  /** rua/ruf destinations of the record that applies, with their authorisation. */
  reportDestinations: ReportDestination[];
  /** MX of the From domain, and of the envelope domain where it differs. */
  mx: { domain: string; answer: DnsSeen }[];
  reverseDns: ReverseDnsSeen[];
  mtaSts: { txt: DnsSeen; policy?: PolicySeen };
  tlsRpt: DnsSeen;
  bimi: DnsSeen;
}

export interface EmailAuthArtifact {
  domains: DomainArtifact[];
  queries: { sent: number; distinct: number; log: QueryLogEntry[] };
}
