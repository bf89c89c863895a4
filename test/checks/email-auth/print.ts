import type { Tag } from '../../../checks/email-auth/tag-list.js';
import type { Directive, Mechanism, Modifier, SpfRecord } from '../../../checks/email-auth/spf/index.js';

/**
 * Printers written from the parsed structure, never from the text a term kept: printing what was parsed
 * and parsing it again gives the same record only if the parser kept every part of it.
 */

export const printTagList = (tags: readonly Tag[]): string => tags.map(({ name, value }) => `${name}=${value}`).join('; ');

const cidrs = (mechanism: { cidr4?: number; cidr6?: number }): string =>
  `${mechanism.cidr4 === undefined ? '' : `/${mechanism.cidr4}`}${mechanism.cidr6 === undefined ? '' : `//${mechanism.cidr6}`}`;

const printMechanism = (mechanism: Mechanism): string => {
  switch (mechanism.type) {
    case 'all':
      return 'all';
    case 'include':
    case 'exists':
      return `${mechanism.type}:${mechanism.domain.text}`;
    case 'a':
    case 'mx':
      return `${mechanism.type}${mechanism.domain ? `:${mechanism.domain.text}` : ''}${cidrs(mechanism)}`;
    case 'ptr':
      return `ptr${mechanism.domain ? `:${mechanism.domain.text}` : ''}`;
    case 'ip4':
    case 'ip6':
      return `${mechanism.type}:${mechanism.network}/${mechanism.prefix}`;
  }
};

const printTerm = (term: Directive | Modifier): string =>
  term.kind === 'directive' ? `${term.qualifier}${printMechanism(term.mechanism)}` : `${term.name}=${term.value.text}`;

export const printSpf = (record: SpfRecord): string => ['v=spf1', ...record.terms.map(printTerm)].join(' ');

/** A record's meaning: every term without where it stood or how it was spelled. */
export const spfMeaning = (record: SpfRecord): unknown[] =>
  record.terms.map((term) => (term.kind === 'directive' ? { qualifier: term.qualifier, mechanism: term.mechanism } : { name: term.name, value: term.value }));
