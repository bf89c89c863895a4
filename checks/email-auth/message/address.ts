import { normalizeDomain } from '../domains.js';

/**
 * Addresses out of From:/Return-Path: values (RFC 5322 §3.4): display names, quoted strings,
 * comments and groups are stepped over, so `"Shop, Inc (EU)" <news@shop.example> (promo)` yields
 * news@shop.example.
 */

/** Removes (nested) comments outside quoted strings and angle brackets' quoted parts. */
const withoutComments = (text: string): string => {
  let out = '';
  let depth = 0;
  let quoted = false;
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at] ?? '';
    if (char === '\\' && (quoted || depth > 0)) {
      if (depth === 0) out += char + (text[at + 1] ?? '');
      at += 1;
      continue;
    }
    if (depth === 0 && char === '"') quoted = !quoted;
    if (!quoted && char === '(') depth += 1;
    if (depth === 0) out += char;
    if (!quoted && char === ')' && depth > 0) depth -= 1;
  }
  return out;
};

/** Splits on commas that are outside quoted strings and angle brackets. */
const splitMailboxes = (text: string): string[] => {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angle = false;
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at] ?? '';
    if (char === '\\' && quoted) {
      current += char + (text[at + 1] ?? '');
      at += 1;
      continue;
    }
    if (char === '"') quoted = !quoted;
    if (!quoted && char === '<') angle = true;
    if (!quoted && char === '>') angle = false;
    if (!quoted && !angle && (char === ',' || char === ';')) {
      parts.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter((part) => part !== '');
};

/** The addr-spec of one mailbox: the last <...>, else the bare text (a group's "name:" prefix dropped). */
const addrSpecOf = (mailbox: string): string => {
  const angle = /<([^<>]*)>[^<>]*$/.exec(mailbox);
  if (angle) return (angle[1] ?? '').trim();
  const groupPrefix = /^[^"@]*:\s*/.exec(mailbox);
  return (groupPrefix ? mailbox.slice(groupPrefix[0].length) : mailbox).replace(/\s+/g, '');
};

export interface Mailbox {
  /** local@domain as written, '' for the null path `<>`. */
  address: string;
  /** Normalised domain, '' when the address has none. */
  domain: string;
}

/** The domain after the last "@"; a domain literal ([192.0.2.1]) is kept as written. */
export const domainOfAddress = (address: string): string => {
  const at = address.lastIndexOf('@');
  if (at < 0) return '';
  const domain = address.slice(at + 1).trim();
  return domain.startsWith('[') ? domain : normalizeDomain(domain);
};

/** Every mailbox in an address-list value (From:, Sender:, Return-Path:). Never throws. */
export const mailboxesOf = (value: string): Mailbox[] =>
  splitMailboxes(withoutComments(value)).flatMap((mailbox) => {
    const address = addrSpecOf(mailbox);
    // A bare group name with no members ("undisclosed-recipients:") has no address.
    if (address === '' && !mailbox.includes('<')) return [];
    return [{ address, domain: domainOfAddress(address) }];
  });
