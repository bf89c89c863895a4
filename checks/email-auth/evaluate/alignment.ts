import type { DomainArtifact, EmailAuthArtifact } from '../artifact.js';
import type { IdentifierAlignment } from '../dmarc/alignment.js';
import type { DnsCauseOf } from './causes.js';
import { alignmentOf, dkimTrouble, spfTrouble, type Provenance, type SpfState, type StreamAlignment } from './identifiers.js';
import { streamSubject } from './stream-subject.js';
import type { EmailAuthVerdict } from './verdict.js';

const SOURCE: Record<Provenance, string> = {
  declared: 'declared in the profile',
  seen: 'seen in a sample message',
  assumed: 'assumed: the From domain, as no returnPath or sample message says otherwise',
  probed: 'found by probing: a key exists, nothing shows this stream signs with it',
};

const SPF_STATE: Record<SpfState, string> = {
  passes: 'passes for every sending IP',
  fails: 'does not pass',
  'authorises-nobody': 'authorises no sender at all',
  unproven: 'not tried (no sendingIps)',
};

const alignedText = (identifier: IdentifierAlignment | undefined): string =>
  identifier === undefined ? '' : `${identifier.aligned ? 'aligned' : identifier.aligned === false ? 'not aligned' : 'alignment unknown'} (${identifier.mode === 's' ? 'strict' : 'relaxed'})`;

const describe = ({ spf, dkim, proven }: StreamAlignment, hasSamples: boolean): string[] => [
  `Return-Path ${spf.domain} (${SOURCE[spf.provenance]}): SPF ${SPF_STATE[spf.state]}, ${alignedText(proven.spf)}`,
  ...dkim.map((key, index) => `DKIM d=${key.domain} s=${key.selector} (${SOURCE[key.provenance]}): ${key.usable ? 'key published' : 'no usable key'}, ${alignedText(proven.dkim[index])}`),
  ...(dkim.length === 0 ? [hasSamples ? 'DKIM: the sample message carries no signature' : 'DKIM: no selector declared and no key found among the probed selectors'] : []),
];

/** What would turn a guess into evidence. */
const toAdd = ({ spf, dkim }: StreamAlignment, hasSamples: boolean): string[] => [
  ...(spf.provenance === 'assumed' ? ['`returnPath` (the envelope domain your provider sends with)'] : []),
  ...(spf.state === 'unproven' ? ['`sendingIps`, so SPF can be tried'] : []),
  ...(!hasSamples && !dkim.some((key) => key.provenance === 'declared') ? ['the DKIM selectors this stream signs with under `dkim:`'] : []),
  ...(hasSamples ? [] : ['a sample message of this stream under `sampleMessages`']),
];

const identifierJson = (identifier: IdentifierAlignment | undefined, provenance: Provenance, extra: Record<string, string | boolean>) => ({
  domain: identifier?.domain ?? null,
  provenance,
  ...extra,
  mode: identifier?.mode ?? null,
  passes: identifier?.passes ?? false,
  aligned: identifier?.aligned ?? null,
  fromOrg: identifier?.fromOrg ?? null,
  otherOrg: identifier?.otherOrg ?? null,
});

const judgeStream = (domain: DomainArtifact, artifact: EmailAuthArtifact, causeOf: DnsCauseOf): EmailAuthVerdict => {
  const stream = alignmentOf(domain, artifact);
  const hasSamples = stream.samples.length > 0;
  const { proven, possible } = stream;
  const summary = describe(stream, hasSamples).join('; ');
  const via = proven.dmarcPassesVia;
  const evidence = {
    dmarcPassesVia: via,
    spf: identifierJson(proven.spf, stream.spf.provenance, { state: stream.spf.state }),
    dkim: stream.dkim.map((key, index) => identifierJson(proven.dkim[index], key.provenance, { selector: key.selector, usable: key.usable })),
  };
  const subject = streamSubject(domain, artifact.domains);
  const base = { rule: 'alignment', subject, expected: 'DKIM aligned (SPF aligned too, ideally), shown by the profile or a sample message', evidence } as const;
  const found = `DMARC passes via ${via}`;
  switch (via) {
    case 'both':
    case 'dkim':
      return { ...base, found, status: 'pass', message: `DMARC can pass for ${subject} through ${via === 'both' ? 'SPF and DKIM' : 'DKIM'}: ${summary}.` };
    case 'spf':
      return { ...base, found, status: 'warn', message: `DMARC can pass for ${subject} only through SPF, which forwarding breaks: ${summary}.`, fix: 'Sign with d= your own domain (a custom DKIM domain at your provider), so DMARC survives forwarding.' };
    case 'unknown':
      return { ...base, found, status: 'warn', message: `Alignment for ${subject} could not be settled (an organisational domain could not be determined): ${summary}.` };
    case 'neither': {
      // An identifier whose check DNS hid might pass aligned: "could not check", never a fail.
      // With a sample, its signatures' keys are the ones whose lookups matter.
      const keysJudged = hasSamples ? { ...domain, dkim: stream.samples.flatMap((sample) => sample.signatureKeys) } : domain;
      const trouble = (possible.spf?.aligned !== false ? spfTrouble(domain) : undefined) ?? dkimTrouble(keysJudged);
      if (trouble) return { ...base, status: 'error', message: `Could not check whether DMARC can pass for ${subject}: ${trouble.text}. ${summary}.`, cause: causeOf(trouble.question) };
      // Nothing declared or seen shows an aligned identifier, but a guess might: say what would show it.
      if (stream.evidenceMissing) {
        const missing = toAdd(stream, hasSamples);
        return {
          ...base,
          status: 'warn',
          found: 'no evidence that an aligned identifier is used',
          message: `Nothing shows that DMARC can pass for ${subject}: ${summary}.`,
          fix: `Add ${missing.join(', ')} to the profile, so alignment is judged from what this stream really uses.`,
        };
      }
      return { ...base, found, status: 'fail', message: `DMARC cannot pass for ${subject}: no passing identifier aligns with it. ${summary}.` };
    }
  }
};

export const alignment = (artifact: EmailAuthArtifact, causeOf: DnsCauseOf): EmailAuthVerdict[] => artifact.domains.map((domain) => judgeStream(domain, artifact, causeOf));
