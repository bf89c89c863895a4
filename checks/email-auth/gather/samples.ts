import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Lookup } from '../../../src/dns/types.js';
import type { EmailAuthArtifact, SampleSeen } from '../artifact.js';
import { keyRecordName } from '../dkim/selectors.js';
import { toSeen } from '../dns-seen.js';
import { parseMessageHeaders } from '../message/parse.js';

const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/** Unsubscribe links carry per-recipient tokens: keep scheme, host and path only. */
const withoutQuery = (uri: string): string => {
  try {
    const url = new URL(uri);
    return url.protocol === 'mailto:' ? `mailto:${url.pathname}` : `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return uri.replace(/[?#].*$/, '');
  }
};

const domainOf = (address: string | undefined): string | undefined => address?.split('@').pop()?.toLowerCase() || undefined;

const readSample = async (file: string, profileDir: string, dns: Lookup, signal: AbortSignal): Promise<SampleSeen | { file: string; error: string }> => {
  let raw: string;
  try {
    const buffer = await readFile(path.resolve(profileDir, file), { signal });
    if (buffer.length > MAX_MESSAGE_BYTES) return { file, error: 'larger than 10 MB' };
    raw = buffer.toString('utf8');
  } catch (error) {
    if (signal.aborted) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    return { file, error: code === 'ENOENT' ? 'file not found' : `cannot be read (${code ?? 'unknown error'})` };
  }
  const headers = parseMessageHeaders(raw);
  const signatureKeys = await Promise.all(
    headers.dkimSignatures
      .filter((signature) => signature.d !== '' && signature.s !== '')
      .map(async (signature) => ({
        selector: signature.s,
        domain: signature.d,
        probed: false,
        answer: toSeen(await dns.query(keyRecordName(signature.s, signature.d), 'TXT', signal)),
      })),
  );
  const sample: SampleSeen = {
    file,
    headers: {
      listUnsubscribe: headers.listUnsubscribe.map(withoutQuery),
      listUnsubscribeCount: headers.listUnsubscribeCount,
      listUnsubscribePost: headers.listUnsubscribePost,
      dkimSignatures: headers.dkimSignatures,
    },
    signatureKeys,
    problems: headers.problems,
  };
  const fromDomain = headers.from.domain;
  const returnPathDomain = domainOf(headers.returnPath?.address);
  if (fromDomain) sample.fromDomain = fromDomain;
  if (returnPathDomain) sample.returnPathDomain = returnPathDomain;
  return sample;
};

export const gatherSamples = (files: string[], profileDir: string, dns: Lookup, signal: AbortSignal): Promise<EmailAuthArtifact['samples']> =>
  Promise.all(files.map((file) => readSample(file, profileDir, dns, signal)));
