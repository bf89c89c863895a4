import type { DkimSeen, DomainArtifact } from '../artifact.js';
import type { DnsCauseOf } from './causes.js';
import { couldNotCheck, type EmailAuthVerdict } from './verdict.js';
import { keyName, keyStateOf } from './dkim-keys.js';

const judgeSelector = (seen: DkimSeen, causeOf: DnsCauseOf): EmailAuthVerdict => {
  const subject = keyName(seen);
  const base = { rule: 'dkim-record', subject, expected: 'one valid, unrevoked key' } as const;
  const via = seen.answer.cnames.length > 0 ? ` (via CNAME ${seen.answer.cnames.join(' → ')})` : '';
  const state = keyStateOf(seen);
  switch (state.state) {
    case 'trouble':
      return couldNotCheck('dkim-record', subject, seen.answer, causeOf);
    case 'absent':
      return { ...base, status: 'fail', message: `No DKIM key is published at ${subject}${via}: mail signed with selector ${seen.selector} fails DKIM.`, found: seen.answer.outcome === 'nxdomain' ? 'the name does not exist' : 'no TXT record' };
    case 'ambiguous':
      return { ...base, status: 'fail', message: `${subject} has ${state.count} key records; verifiers cannot tell which to use.`, found: `${state.count} records`, evidence: { records: seen.answer.records } };
    case 'invalid':
      return { ...base, status: 'fail', message: `The DKIM record at ${subject} is invalid: ${state.errors.join('; ')}.`, found: state.errors.join('; '), evidence: { records: seen.answer.records } };
    case 'key': {
      const { key } = state;
      const evidence = { keyType: key.keyType, bits: key.bits ?? null, cnames: seen.answer.cnames, flags: key.flags, warnings: key.warnings };
      // A provider's selector the profile does not list, emptied: a key retired on rotation, not one in use.
      if (key.revoked && seen.probed) {
        return { ...base, status: 'pass', expected: 'no key in use under a selector the profile does not list', message: `${subject}${via} holds a retired key (empty p=, revoked); the profile does not list this selector, so no mail is expected to be signed with it. Note: if a sender still signs with ${seen.selector}, list it under dkim: and publish its key.`, found: 'retired (p= empty)', evidence };
      }
      if (key.revoked) return { ...base, status: 'fail', message: `The DKIM key at ${subject} is revoked (empty p=): every signature made with it fails.`, found: 'revoked (p= empty)', evidence };
      if (!key.usableForEmail) return { ...base, status: 'fail', message: `The DKIM key at ${subject} is restricted to s=${key.serviceTypes.join(':')}, not email.`, found: `s=${key.serviceTypes.join(':')}`, evidence };
      if (key.sha1Only) return { ...base, status: 'fail', message: `The DKIM key at ${subject} allows only SHA-1 (h=sha1), which verifiers no longer accept.`, found: 'h=sha1', evidence };
      if (key.testing) return { ...base, status: 'warn', message: `The DKIM key at ${subject}${via} is marked testing (t=y): receivers may treat its failures as no signature.`, found: 't=y', evidence };
      return { ...base, status: 'pass', message: `${subject}${via} publishes a valid ${key.keyType.toUpperCase()} key.`, found: `${key.keyType}${key.bits ? ` ${key.bits} bits` : ''}`, evidence };
    }
  }
};

/** Probed selectors: report the ones found; if none is, say what was probed — never "DKIM missing". */
const judgeProbe = (domain: DomainArtifact, probed: DkimSeen[], causeOf: DnsCauseOf): EmailAuthVerdict[] => {
  const found = probed.filter((seen) => keyStateOf(seen).state !== 'absent' && keyStateOf(seen).state !== 'trouble');
  if (found.length > 0) return found.map((seen) => judgeSelector(seen, causeOf));
  const trouble = probed.find((seen) => keyStateOf(seen).state === 'trouble');
  if (trouble) return [couldNotCheck('dkim-record', domain.from, trouble.answer, causeOf)];
  const names = probed.map((seen) => seen.selector);
  return [
    {
      rule: 'dkim-record',
      status: 'warn',
      subject: domain.from,
      message: `No DKIM key was found among the ${names.length} probed selectors of ${domain.from}; DKIM may still be set up under a selector q4check cannot guess.`,
      expected: 'a key under a known selector',
      found: 'not found among the probed selectors',
      fix: 'Add the selectors your senders use to `dkim:` in the profile (the s= tag of a signed message shows them), or give a sample message.',
      evidence: { probed: names },
    },
  ];
};

export const dkimRecord = (domains: DomainArtifact[], causeOf: DnsCauseOf): EmailAuthVerdict[] =>
  domains.flatMap((domain) => [
    ...domain.dkim.filter((seen) => !seen.probed).map((seen) => judgeSelector(seen, causeOf)),
    ...(domain.dkim.some((seen) => seen.probed) ? judgeProbe(domain, domain.dkim.filter((seen) => seen.probed), causeOf) : []),
  ]);
