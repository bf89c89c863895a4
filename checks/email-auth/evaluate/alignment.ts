import type { EmailAuthArtifact } from '../artifact.js';
import type { AlignmentResult, IdentifierAlignment } from '../dmarc/alignment.js';
import type { DnsCauseOf } from './causes.js';
import { alignmentOf, dkimTrouble, spfTrouble } from './identifiers.js';
import type { EmailAuthVerdict } from './verdict.js';

const describe = (result: AlignmentResult): string[] => [
  ...(result.spf ? [`SPF ${result.spf.domain}: ${result.spf.passes ? 'passes' : 'does not pass'}, ${result.spf.aligned ? 'aligned' : result.spf.aligned === false ? 'not aligned' : 'alignment unknown'} (${result.spf.mode === 's' ? 'strict' : 'relaxed'})`] : []),
  ...result.dkim.map((signature) => `DKIM d=${signature.domain}: ${signature.passes ? 'key published' : 'no usable key'}, ${signature.aligned ? 'aligned' : signature.aligned === false ? 'not aligned' : 'alignment unknown'} (${signature.mode === 's' ? 'strict' : 'relaxed'})`),
];

const identifierJson = (identifier: IdentifierAlignment) => ({
  domain: identifier.domain,
  mode: identifier.mode,
  passes: identifier.passes,
  aligned: identifier.aligned ?? null,
  fromOrg: identifier.fromOrg ?? null,
  otherOrg: identifier.otherOrg ?? null,
});

export const alignment = (artifact: EmailAuthArtifact, causeOf: DnsCauseOf): EmailAuthVerdict[] =>
  artifact.domains.map((domain): EmailAuthVerdict => {
    const result = alignmentOf(domain, artifact);
    const details = describe(result);
    const found = `DMARC passes via ${result.dmarcPassesVia}`;
    const base = { rule: 'alignment', subject: domain.from, expected: 'DKIM aligned (SPF aligned too, ideally)', evidence: { dmarcPassesVia: result.dmarcPassesVia, spf: result.spf ? identifierJson(result.spf) : null, dkim: result.dkim.map(identifierJson) } } as const;
    const summary = details.join('; ');
    switch (result.dmarcPassesVia) {
      case 'both':
      case 'dkim':
        return { ...base, found, status: 'pass', message: `DMARC can pass for ${domain.from} through ${result.dmarcPassesVia === 'both' ? 'SPF and DKIM' : 'DKIM'}: ${summary}.` };
      case 'spf':
        return { ...base, found, status: 'warn', message: `DMARC can pass for ${domain.from} only through SPF, which forwarding breaks: ${summary}.`, fix: 'Sign with d= your own domain (a custom DKIM domain at your provider), so DMARC survives forwarding.' };
      case 'unknown':
        return { ...base, found, status: 'warn', message: `Alignment for ${domain.from} could not be settled (an organisational domain could not be determined): ${summary}.` };
      case 'neither': {
        // An identifier whose check DNS hid might pass aligned: "could not check", never a fail.
        const trouble = (result.spf?.aligned !== false ? spfTrouble(domain) : undefined) ?? dkimTrouble(domain);
        if (trouble) return { ...base, status: 'error', message: `Could not check whether DMARC can pass for ${domain.from}: ${trouble.text}. ${summary}.`, cause: causeOf(trouble.question) };
        return { ...base, found, status: 'fail', message: `DMARC cannot pass for ${domain.from}: no passing identifier aligns with it. ${summary}.` };
      }
    }
  });
