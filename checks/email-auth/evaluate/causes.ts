import type { DnsOutcome, QueryLogEntry } from '../artifact.js';

/** Finds the cause of a troubled question: pure, from the query log the artifact keeps. */
export type DnsCauseOf = (question: { name: string; type: string; outcome: DnsOutcome }) => string;

/**
 * The server is named, not the question: one dead resolver is one cause however many questions it
 * left unanswered, so reports group its findings into one line. The message names the question.
 */
export const dnsCause = (outcome: DnsOutcome, server: string | undefined): string => {
  const who = server ?? 'the resolver';
  switch (outcome) {
    case 'servfail':
      return `dns: ${who} answered SERVFAIL`;
    case 'refused':
      return `dns: ${who} answered REFUSED`;
    case 'timeout':
      return server ? `dns: resolver ${server} did not answer` : 'dns: the resolver did not answer';
    default:
      return `dns: ${who} gave no usable answer`;
  }
};

const key = (name: string, type: string): string => `${type} ${name.toLowerCase()}`;

/** The server each question was last asked of, read from the query log. */
export const dnsCauses = (log: readonly QueryLogEntry[]): DnsCauseOf => {
  const servers = new Map(log.filter((entry) => entry.server !== '').map((entry) => [key(entry.name, entry.type), entry.server]));
  return (question) => dnsCause(question.outcome, servers.get(key(question.name, question.type)));
};
