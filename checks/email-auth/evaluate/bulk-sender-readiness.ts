import type { DomainArtifact, EmailAuthArtifact } from '../artifact.js';
import { isDnsTrouble } from '../dns-seen.js';
import { oneClickUnsubscribe } from '../message/one-click.js';
import { keyStateOf, usableKeys } from './dkim-keys.js';
import type { DnsCauseOf } from './causes.js';
import { alignmentOf, dkimTrouble, samplesOf, spfCanPass, spfTrouble, type DnsTrouble } from './identifiers.js';
import { streamSubject } from './stream-subject.js';
import type { EmailAuthVerdict } from './verdict.js';

type PointState = 'met' | 'missed' | 'unknown' | 'not-checkable';

interface Point {
  /** Short, for the `found` line: "SPF", "DMARC". */
  label: string;
  point: string;
  /** Which providers require it of bulk senders (reference §4.4). */
  requiredBy: string[];
  state: PointState;
  detail: string;
  /** For 'unknown' because DNS failed: the question it failed on. */
  trouble?: DnsTrouble['question'];
}

// Gmail and Yahoo: 5,000 a day to their users; Microsoft: more than 5,000 a day.
const BULK_THRESHOLD = 5_000;
const ALL = ['Gmail', 'Yahoo', 'Microsoft'];

const withTrouble = (trouble: DnsTrouble | undefined): Pick<Point, 'trouble'> => (trouble ? { trouble: trouble.question } : {});

const spfPoint = (domain: DomainArtifact): Point => {
  const trouble = spfTrouble(domain);
  return {
    label: 'SPF',
    point: 'SPF passes for the envelope domain',
    requiredBy: ALL,
    state: spfCanPass(domain) ? 'met' : trouble ? 'unknown' : 'missed',
    detail: domain.spf.totals.permerrors[0] ?? trouble?.text ?? domain.spf.tree.outcome,
    ...withTrouble(trouble),
  };
};

const dkimPoint = (domain: DomainArtifact): Point => {
  const usable = usableKeys(domain).length > 0;
  const onlyProbed = domain.dkim.every((seen) => seen.probed);
  const trouble = domain.dkim.some((seen) => keyStateOf(seen).state === 'trouble');
  const state: PointState = usable ? 'met' : trouble || onlyProbed ? 'unknown' : 'missed';
  return { label: 'DKIM', point: 'DKIM key published for signing', requiredBy: ALL, state, detail: usable ? usableKeys(domain).map((seen) => seen.selector).join(', ') : onlyProbed ? 'not found among probed selectors' : 'no usable key', ...withTrouble(dkimTrouble(domain)) };
};

const dmarcPoint = (domain: DomainArtifact): Point => {
  const decision = domain.dmarc.rfc9989.policy;
  const state: PointState = decision.status === 'found' ? 'met' : decision.status === 'dns-error' ? 'unknown' : 'missed';
  const trouble = decision.status === 'dns-error' ? { trouble: { name: decision.name, type: 'TXT', outcome: decision.outcome } } : {};
  return { label: 'DMARC', point: 'DMARC policy published (p=none at least)', requiredBy: ALL, state, detail: decision.status === 'found' ? `p=${decision.policy}` : decision.status, ...trouble };
};

const alignmentPoint = (domain: DomainArtifact, artifact: EmailAuthArtifact): Point => {
  const stream = alignmentOf(domain, artifact);
  const via = stream.proven.dmarcPassesVia;
  const trouble = via === 'neither' ? (spfTrouble(domain) ?? dkimTrouble(domain)) : undefined;
  // Only evidence meets the point; a guess that might pass leaves it unsettled, not missed.
  const unsettled = via === 'unknown' || trouble !== undefined || stream.evidenceMissing;
  return { label: 'alignment', point: 'From aligned with SPF or DKIM', requiredBy: ALL, state: unsettled ? 'unknown' : via === 'neither' ? 'missed' : 'met', detail: stream.evidenceMissing ? 'no evidence of an aligned identifier' : `via ${via}`, ...withTrouble(trouble) };
};

const reverseDnsPoint = (domain: DomainArtifact): Point => {
  const base = { label: 'reverse DNS', point: 'Sending IPs have forward-confirmed reverse DNS', requiredBy: ['Gmail', 'Yahoo'] };
  if (domain.reverseDns.length === 0) return { ...base, state: 'unknown', detail: 'no sendingIps listed' };
  const unconfirmed = domain.reverseDns.filter((entry) => !entry.forward.some((forward) => forward.answer.records.includes(entry.ip)));
  // Unconfirmed only because a PTR or forward lookup failed: unknown, as the reverse-dns rule says.
  const hidden = unconfirmed.length > 0 && unconfirmed.every((entry) => isDnsTrouble(entry.ptr) || entry.forward.some((forward) => isDnsTrouble(forward.answer)));
  const troubled = hidden ? unconfirmed.flatMap((entry) => [entry.ptr, ...entry.forward.map((forward) => forward.answer)]).find(isDnsTrouble) : undefined;
  return { ...base, ...(troubled ? { trouble: { name: troubled.name, type: troubled.type, outcome: troubled.outcome } } : {}), state: unconfirmed.length === 0 ? 'met' : hidden ? 'unknown' : 'missed', detail: domain.reverseDns.map((entry) => `${entry.ip} → ${entry.ptr.records[0] ?? entry.ptr.outcome}`).join(', ') };
};

const unsubscribePoint = (domain: DomainArtifact, artifact: EmailAuthArtifact): Point => {
  const samples = samplesOf(domain, artifact);
  const base = { label: 'one-click unsubscribe', point: 'One-click unsubscribe (RFC 8058)', requiredBy: ['Gmail', 'Yahoo'] };
  if (samples.length === 0) return { ...base, state: 'not-checkable', detail: 'needs a sample message' };
  const ok = samples.every((sample) => 'headers' in sample && oneClickUnsubscribe(sample.headers).problems.length === 0 && oneClickUnsubscribe(sample.headers).hasPostHeader);
  return { ...base, state: ok ? 'met' : 'missed', detail: `${samples.length} sample message(s)` };
};

const NOT_IN_DNS: Point[] = [
  { label: 'TLS', point: 'TLS on the sending connection', requiredBy: ['Gmail', 'Yahoo'], state: 'not-checkable', detail: 'shown by the receiving server, not DNS' },
  { label: 'spam rate', point: 'Spam rate under 0.3% (0.1% target)', requiredBy: ['Gmail', 'Yahoo'], state: 'not-checkable', detail: 'Google Postmaster Tools and Yahoo Sender Hub' },
];

/** What is met and what is missed, labelled: "met: SPF, DKIM; missed: DMARC; not shown by DNS: TLS, spam rate". */
const foundLine = (points: Point[]): string => {
  const groups: [string, PointState][] = [['met', 'met'], ['missed', 'missed'], ['not settled', 'unknown'], ['not shown by DNS', 'not-checkable']];
  return groups
    .map(([heading, state]) => [heading, points.filter((point) => point.state === state).map((point) => point.label)] as const)
    .filter(([, labels]) => labels.length > 0)
    .map(([heading, labels]) => `${heading}: ${labels.join(', ')}`)
    .join('; ');
};

const judgeDomain = (domain: DomainArtifact, artifact: EmailAuthArtifact, volume: number | undefined, causeOf: DnsCauseOf): EmailAuthVerdict => {
  const subject = streamSubject(domain, artifact.domains);
  const points = [spfPoint(domain), dkimPoint(domain), dmarcPoint(domain), alignmentPoint(domain, artifact), reverseDnsPoint(domain), unsubscribePoint(domain, artifact), ...NOT_IN_DNS];
  const missed = points.filter((point) => point.state === 'missed');
  const unknown = points.filter((point) => point.state === 'unknown');
  const uncheckable = points.filter((point) => point.state === 'not-checkable').map((point) => point.point);
  const belowBulk = volume !== undefined && volume < BULK_THRESHOLD;
  const scope = belowBulk ? ` At ${volume.toLocaleString('en')} a day the domain is under the 5,000 bulk threshold, so these are recommendations.` : '';
  const notShown = ` Not shown by DNS: ${uncheckable.join('; ')}.`;
  // The threshold that decides between a fail and a recommendation is the daily volume.
  const expected = belowBulk ? `every requirement met (recommended under ${BULK_THRESHOLD.toLocaleString('en')} a day)` : `every requirement met (required from ${BULK_THRESHOLD.toLocaleString('en')} a day)`;
  const base = { rule: 'bulk-sender-readiness', subject, expected, evidence: { points: points.map((point) => ({ ...point })) } } as const;
  const found = foundLine(points);
  if (missed.length > 0) {
    return { ...base, status: belowBulk ? 'warn' : 'fail', message: `${subject} misses ${missed.length} bulk-sender requirement${missed.length === 1 ? '' : 's'}: ${missed.map((point) => `${point.point} (${point.requiredBy.join(', ')})`).join('; ')}.${scope}${notShown}`, found };
  }
  const hiddenByDns = unknown.find((point) => point.trouble !== undefined);
  const unsettled = `${unknown.map((point) => `${point.point} (${point.detail})`).join('; ')} could not be settled`;
  if (hiddenByDns?.trouble) {
    return { rule: 'bulk-sender-readiness', subject, status: 'error', message: `Could not check every bulk-sender requirement of ${subject}: ${unsettled}.`, cause: causeOf(hiddenByDns.trouble), evidence: base.evidence };
  }
  if (unknown.length > 0) {
    return { ...base, status: 'warn', message: `${subject} meets what could be checked, but ${unsettled}.${notShown}`, found };
  }
  return { ...base, status: 'pass', message: `${subject} meets every bulk-sender requirement DNS and the samples can show.${notShown}`, found };
};

export const bulkSenderReadiness = (artifact: EmailAuthArtifact, volumes: (number | undefined)[], causeOf: DnsCauseOf): EmailAuthVerdict[] =>
  artifact.domains.map((domain, index) => judgeDomain(domain, artifact, volumes[index], causeOf));
