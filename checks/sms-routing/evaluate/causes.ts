import type { SmsRoutingConfig } from '../config.js';
import type { ReplyState } from './replies.js';

/** Where the webhook is, as a cause names it: host and port, the same for every finding it spoils. */
export const webhookHost = (webhook: string): string => new URL(webhook).host;

const NETWORK_TROUBLE: Record<string, (host: string) => string> = {
  ECONNREFUSED: (host) => `http: connection refused by ${host}`,
  ECONNRESET: (host) => `http: connection reset by ${host}`,
  UND_ERR_SOCKET: (host) => `http: connection reset by ${host}`,
  ENOTFOUND: (host) => `dns: ${host.replace(/:\d+$/, '')} has no address`,
  EHOSTUNREACH: (host) => `http: ${host} is unreachable`,
  ENETUNREACH: (host) => `http: ${host} is unreachable`,
};

/**
 * The finding's cause for a reply that leaves a rule nothing to judge: one string per root trouble (the
 * webhook, not the message), so that a dead webhook groups into one line however many rules it spoils.
 */
export const causeOf = (reply: ReplyState, webhook: string, config: Pick<SmsRoutingConfig, 'timeoutMs'>): string => {
  const host = webhookHost(webhook);
  switch (reply.state) {
    case 'unreachable': {
      if (reply.cutOff === 'timeout') return "timeout: the check's time limit stopped it before the webhook answered";
      if (reply.cutOff === 'interrupted') return 'interrupted: the run was stopped before the webhook answered';
      // A timeout, and what was not sent after three of them, share their root.
      if (/^(no reply within|not sent: the webhook gave no reply)/.test(reply.why)) return `http: ${host} did not answer within ${config.timeoutMs / 1000} s`;
      return NETWORK_TROUBLE[reply.why]?.(host) ?? `http: ${host}: ${reply.why}`;
    }
    case 'refused':
    case 'server-error':
      return `http: ${host} answered ${reply.status}`;
    case 'not-twiml':
      return `http: ${host} answered something other than TwiML`;
    case 'silence':
    case 'messages':
      return `check: ${host} answered, yet nothing could be judged`;
  }
};
