import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import type { ExchangeSeen } from '../artifact.js';
import { encodeForm, SIGNATURE_HEADER, signTwilioRequest, type InboundForm } from '../../../src/twilio/index.js';

const MAX_REPLY_BYTES = 8 * 1024;

export interface WebhookTarget {
  url: string;
  authToken: string;
  timeoutMs: number;
  /** Applied to every reply before it is kept: phone numbers masked. */
  clean(text: string): string;
}

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

/** Posts one inbound-SMS form, signed as `signing` says; never throws for HTTP or network trouble. */
export const postInbound = async (
  target: WebhookTarget,
  agent: Agent,
  form: InboundForm,
  signing: ExchangeSeen['signature'],
  signal: AbortSignal,
): Promise<Omit<ExchangeSeen, 'body' | 'replayOf'>> => {
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
    return {
      signature: signing,
      status: response.statusCode,
      contentType: String(response.headers['content-type'] ?? ''),
      reply: target.clean(text),
      latencyMs: Math.round(performance.now() - started),
    };
  } catch (error) {
    if (signal.aborted) throw error;
    const code = (error as Error).name === 'TimeoutError' ? 'timeout' : errorCode(error);
    return { signature: signing, latencyMs: Math.round(performance.now() - started), error: code === 'timeout' ? `no reply within ${target.timeoutMs} ms` : code };
  }
};
