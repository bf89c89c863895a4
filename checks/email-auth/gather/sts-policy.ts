import { rootCertificates } from 'node:tls';
import { Agent, request } from 'undici';
import type { Lookup } from '../../../src/dns/types.js';
import type { PolicySeen } from '../artifact.js';

const MAX_POLICY_BYTES = 64 * 1024;
const TIMEOUT_MS = 10_000;

export interface StsFetchOptions {
  port: number;
  /** Extra CA certificates (PEM), trusted besides the public roots. */
  ca?: string;
  signal: AbortSignal;
}

/** undici asks for addresses the way dns.lookup answers; ours come from q4check's own resolver. */
const lookupVia =
  (dns: Lookup, signal: AbortSignal) =>
  (hostname: string, options: { all?: boolean }, callback: (error: Error | null, address: string | { address: string; family: number }[], family?: number) => void) => {
    void Promise.all([dns.query(hostname, 'A', signal), dns.query(hostname, 'AAAA', signal)]).then(
      ([v4, v6]) => {
        const addresses = [...v4.records.map((r) => ({ address: String(r.value), family: 4 })), ...v6.records.map((r) => ({ address: String(r.value), family: 6 }))];
        if (addresses.length === 0) callback(Object.assign(new Error(`${hostname} has no address (${v4.outcome.toUpperCase()})`), { code: 'ENOTFOUND' }), '', 4);
        else if (options.all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (error: Error) => callback(error, '', 4),
    );
  };

/**
 * Fetches https://mta-sts.<domain>/.well-known/mta-sts.txt as RFC 8461 §3.3 says: HTTPS with a valid
 * certificate, no redirects, a bounded body. Trouble is returned as data, never thrown.
 */
export const fetchStsPolicy = async (domain: string, dns: Lookup, options: StsFetchOptions): Promise<PolicySeen> => {
  const host = `mta-sts.${domain}`;
  const url = `https://${host}${options.port === 443 ? '' : `:${options.port}`}/.well-known/mta-sts.txt`;
  const agent = new Agent({
    connect: {
      lookup: lookupVia(dns, options.signal) as never,
      servername: host,
      ca: options.ca ? [...rootCertificates, options.ca] : undefined,
      timeout: TIMEOUT_MS,
    },
    headersTimeout: TIMEOUT_MS,
    bodyTimeout: TIMEOUT_MS,
  });
  try {
    const response = await request(url, { dispatcher: agent, signal: AbortSignal.any([options.signal, AbortSignal.timeout(TIMEOUT_MS)]) });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body) {
      size += (chunk as Buffer).length;
      if (size > MAX_POLICY_BYTES) {
        response.body.destroy();
        return { url, status: response.statusCode, error: `the policy is larger than ${MAX_POLICY_BYTES / 1024} KB` };
      }
      chunks.push(chunk as Buffer);
    }
    const contentType = String(response.headers['content-type'] ?? '');
    return { url, status: response.statusCode, contentType, body: Buffer.concat(chunks).toString('utf8') };
  } catch (error) {
    if (options.signal.aborted) throw error;
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { url, error: cause?.code ?? (error as NodeJS.ErrnoException).code ?? (error as Error).message };
  } finally {
    await agent.close();
  }
};
