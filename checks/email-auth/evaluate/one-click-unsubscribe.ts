import type { EmailAuthArtifact } from '../artifact.js';
import { oneClickUnsubscribe } from '../message/one-click.js';
import type { EmailAuthVerdict } from './verdict.js';

export const oneClickUnsubscribeRule = (artifact: EmailAuthArtifact): EmailAuthVerdict[] => {
  if (artifact.samples.length === 0) {
    return [{ rule: 'one-click-unsubscribe', status: 'skip', subject: 'sample messages', message: 'No sampleMessages are given, so unsubscribe headers were not checked (DNS cannot show them).' }];
  }
  return artifact.samples.map((sample): EmailAuthVerdict => {
    const base = { rule: 'one-click-unsubscribe', subject: sample.file, expected: 'List-Unsubscribe with an https URL and List-Unsubscribe-Post: List-Unsubscribe=One-Click, DKIM-signed' } as const;
    if ('error' in sample) return { ...base, status: 'error', message: `Could not check: ${sample.file} ${sample.error}.`, cause: `file: ${sample.file} ${sample.error === 'file not found' ? 'not found' : sample.error}` };
    const verdict = oneClickUnsubscribe(sample.headers);
    const evidence = { listUnsubscribe: sample.headers.listUnsubscribe, listUnsubscribePost: sample.headers.listUnsubscribePost, problems: verdict.problems };
    if (verdict.hasHttpsUrl && verdict.hasPostHeader && verdict.problems.length === 0) {
      return { ...base, status: 'pass', message: `${sample.file} offers one-click unsubscribe (RFC 8058).`, found: 'https URL + One-Click POST', evidence };
    }
    return { ...base, status: 'fail', message: `${sample.file} does not offer one-click unsubscribe: ${verdict.problems.join('; ')}.`, found: verdict.problems.join('; '), evidence };
  });
};
