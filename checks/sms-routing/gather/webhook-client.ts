import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import type { CutOff, ExchangeSeen } from '../artifact.js';
import { cutOffBy } from '../../../src/lib/cut-off.js';
import { encodeForm, SIGNATURE_HEADER, signTwilioRequest, type InboundForm } from '../../../src/twilio/index.js';

const MAX_REPLY_BYTES = 8 * 1024;

export interface WebhookTarget {
  url: string;
  authToken: string;
  timeoutMs: number;
  /** The address a log line may show: no credentials, no query string. */
  address: string;
  /** One line per exchange for --debug: method, address, status, time; never a token or signature. */
  log(line: string): void;
}

export { cutOffBy };

export const CUT_OFF_ERROR: Record<CutOff, string> = {
  timeout: "not finished: the check's time limit stopped it",
  interrupted: 'not finished: the run was interrupted',
};

const errorCode = (error: unknown): string => {
  const err = error as { code?: string; cause?: { code?: string }; message?: string };
  const code = err.code ?? err.cause?.code;
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') return 'timeout';
  return code ?? err.message ?? String(error);
};

/** Twilio's user agent and headers, so a webhook behind a filter sees what it sees in production. */
const headersFor = (body: string, signature: string | undefined): Record<string, string> => ({
  'content-type': 'application/x-www-form-urlencoded',
  'user-agent': 'TwilioProxy/1.1',
  'content-length': String(Buffer.byteLength(body)),
  ...(signature ? { [SIGNATURE_HEADER]: signature } : {}),
});

/**
 * Posts one inbound-SMS form, signed as `signing` says, and keeps the reply after `clean` (which masks
 * phone numbers); never throws: HTTP and network trouble, and a stop by `signal`, are data.
 */
export const postInbound = async (
  target: WebhookTarget,
  agent: Agent,
  form: InboundForm,
  signing: ExchangeSeen['signature'],
  signal: AbortSignal,
  clean: (text: string) => string,
): Promise<Omit<ExchangeSeen, 'body' | 'replayOf'>> => {
  if (signal.aborted) return { signature: signing, error: CUT_OFF_ERROR[cutOffBy(signal)], cutOff: cutOffBy(signal) };
  const body = encodeForm(form);
  const signature =
    signing === 'valid' ? signTwilioRequest(target.authToken, target.url, form) : signing === 'forged' ? signTwilioRequest(`${target.authToken}-forged`, target.url, form) : undefined;
  const started = performance.now();
  try {
    const response = await request(target.url, {
      method: 'POST',
      dispatcher: agent,
      headers: headersFor(body, signature),
      body,
      signal: AbortSignal.any([signal, AbortSignal.timeout(target.timeoutMs)]),
      headersTimeout: target.timeoutMs,
      bodyTimeout: target.timeoutMs,
    });
    const text = (await response.body.text()).slice(0, MAX_REPLY_BYTES);
    const latencyMs = Math.round(performance.now() - started);
    target.log(`POST ${target.address} → ${response.statusCode} in ${latencyMs} ms`);
    return { signature: signing, status: response.statusCode, contentType: String(response.headers['content-type'] ?? ''), reply: clean(text), latencyMs };
  } catch (error) {
    const latencyMs = Math.round(performance.now() - started);
    if (signal.aborted) return { signature: signing, latencyMs, error: CUT_OFF_ERROR[cutOffBy(signal)], cutOff: cutOffBy(signal) };
    const code = (error as Error).name === 'TimeoutError' ? 'timeout' : errorCode(error);
    const trouble = code === 'timeout' ? `no reply within ${target.timeoutMs} ms` : code;
    target.log(`POST ${target.address} → ${trouble} after ${latencyMs} ms`);
    return { signature: signing, latencyMs, error: trouble };
  }
};
