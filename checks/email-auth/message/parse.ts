import { colonList, parseTagList } from '../tag-list.js';
import { mailboxesOf, type Mailbox } from './address.js';
import { parseAuthenticationResults, type AuthenticationResults } from './authentication-results.js';
import { readHeaderSection, valuesOf, type HeaderField } from './headers.js';

export { oneClickUnsubscribe, type OneClickVerdict } from './one-click.js';

/**
 * What a sample message (.eml) tells about authentication that DNS cannot: the From domain that
 * DMARC protects, the Return-Path (MAIL FROM) domain SPF checked, the d=/s= of every DKIM
 * signature, the unsubscribe headers and what the receiving mailbox provider concluded.
 */

export interface DkimSignatureInfo {
  /** Signing domain, lower-cased; '' when missing. */
  d: string;
  /** Selector; '' when missing. */
  s: string;
  /** Algorithm (a=), e.g. rsa-sha256. */
  a: string;
  /** h=, lower-cased: the header fields the signature covers. */
  signedHeaders: string[];
  problems: string[];
}

export interface MessageHeaders {
  /** Every header field, unfolded, in message order. */
  fields: HeaderField[];
  from: {
    mailboxes: Mailbox[];
    /** The one From domain DMARC evaluates; undefined when there is not exactly one. */
    domain: string | undefined;
  };
  /** The first Return-Path (added at final delivery); address '' for the null path <>. */
  returnPath: Mailbox | undefined;
  dkimSignatures: DkimSignatureInfo[];
  /** URIs inside <…> of List-Unsubscribe, in order. */
  listUnsubscribe: string[];
  /** How many List-Unsubscribe header fields there are. */
  listUnsubscribeCount: number;
  /** The value of each List-Unsubscribe-Post header field. */
  listUnsubscribePost: string[];
  authenticationResults: AuthenticationResults[];
  problems: string[];
}

const readDkimSignature = (value: string): DkimSignatureInfo => {
  const list = parseTagList(value);
  const tag = (name: string): string => list.tags.find((candidate) => candidate.name === name)?.value ?? '';
  const problems = list.problems.map((problem) => problem.message);
  const d = tag('d').toLowerCase();
  const s = tag('s');
  if (d === '') problems.push('DKIM-Signature has no d=');
  if (s === '') problems.push('DKIM-Signature has no s=');
  return { d, s, a: tag('a').toLowerCase(), signedHeaders: colonList(tag('h')).map((name) => name.toLowerCase()), problems };
};

const readFrom = (values: string[], problems: string[]): MessageHeaders['from'] => {
  if (values.length === 0) problems.push('no From header');
  if (values.length > 1) problems.push(`${values.length} From headers; RFC 5322 allows one and DMARC receivers may reject the message`);
  const mailboxes = values.flatMap(mailboxesOf);
  if (values.length === 1 && mailboxes.length !== 1) {
    problems.push(`From has ${mailboxes.length} addresses; DMARC needs exactly one author domain`);
  }
  const [only] = mailboxes;
  if (mailboxes.length === 1 && only !== undefined && only.domain === '') problems.push(`From address ${JSON.stringify(only.address)} has no domain`);
  const domain = values.length === 1 && mailboxes.length === 1 && only?.domain ? only.domain : undefined;
  return { mailboxes, domain };
};

const angleUris = (value: string): string[] => [...value.matchAll(/<([^<>]*)>/g)].map((match) => (match[1] ?? '').replace(/\s+/g, ''));

const parse = (raw: string): MessageHeaders => {
  const section = readHeaderSection(raw);
  const problems = [...section.problems];
  const values = (name: string): string[] => valuesOf(section.fields, name);
  const unsubscribe = values('List-Unsubscribe');
  const [returnPath] = values('Return-Path');
  return {
    fields: section.fields,
    from: readFrom(values('From'), problems),
    returnPath: returnPath === undefined ? undefined : (mailboxesOf(returnPath)[0] ?? { address: '', domain: '' }),
    dkimSignatures: values('DKIM-Signature').map(readDkimSignature),
    listUnsubscribe: unsubscribe.flatMap(angleUris),
    listUnsubscribeCount: unsubscribe.length,
    listUnsubscribePost: values('List-Unsubscribe-Post'),
    authenticationResults: values('Authentication-Results').map(parseAuthenticationResults),
    problems,
  };
};

const EMPTY: Omit<MessageHeaders, 'problems'> = {
  fields: [],
  from: { mailboxes: [], domain: undefined },
  returnPath: undefined,
  dkimSignatures: [],
  listUnsubscribe: [],
  listUnsubscribeCount: 0,
  listUnsubscribePost: [],
  authenticationResults: [],
};

/** Reads the header section of a raw message (CRLF or LF line ends). Never throws. */
export const parseMessageHeaders = (raw: string): MessageHeaders => {
  try {
    return parse(raw);
  } catch (error) {
    // The contract is "never throws": a bug must become a visible problem, not a crashed audit.
    return { ...EMPTY, problems: [`the message headers could not be read (${error instanceof Error ? error.message : String(error)})`] };
  }
};
