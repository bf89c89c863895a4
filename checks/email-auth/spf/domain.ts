/** Domain-name rules SPF applies before and after macro expansion (RFC 7208 §4.3, §7.1, §7.3). */

/** toplabel = ( *alphanum ALPHA *alphanum ) / ( 1*alphanum "-" *( alphanum / "-" ) alphanum ) */
export const TOPLABEL = /^(?:[a-z0-9]*[a-z][a-z0-9]*|[a-z0-9]+-[a-z0-9-]*[a-z0-9])$/i;

const MAX_NAME = 253;
const MAX_LABEL = 63;

export const stripTrailingDot = (name: string): string => (name.endsWith('.') ? name.slice(0, -1) : name);

/**
 * §7.3: an expanded name longer than 253 characters loses labels from the left until it fits.
 * A name that still does not fit (one huge label) is returned as is and fails `queryableName`.
 */
export const truncateLeft = (name: string): string => {
  let rest = name;
  while (rest.length > MAX_NAME) {
    const dot = rest.indexOf('.');
    if (dot < 0) return rest;
    rest = rest.slice(dot + 1);
  }
  return rest;
};

/**
 * Why a name cannot be put in a DNS question, or undefined when it can. The characters are not
 * judged: a domain-spec may hold any visible character and the suite looks such names up.
 */
export const nameProblem = (name: string): string | undefined => {
  if (name === '') return 'the name is empty';
  if (name.length > MAX_NAME) return `the name is longer than ${MAX_NAME} characters`;
  const labels = name.split('.');
  if (labels.some((label) => label === '')) return 'the name has an empty label';
  if (labels.some((label) => label.length > MAX_LABEL)) return `a label is longer than ${MAX_LABEL} characters`;
  return undefined;
};

/**
 * §4.3: check_host() returns "none" for a malformed <domain> or one that is not multi-label.
 * A domain literal ("[192.0.2.1]") or a bare address has no valid top label, so it is caught too.
 */
export const identityDomainProblem = (domain: string): string | undefined => {
  const name = stripTrailingDot(domain);
  const problem = nameProblem(name);
  if (problem) return problem;
  const labels = name.split('.');
  if (labels.length < 2) return 'the name is not a multi-label domain name';
  if (!TOPLABEL.test(labels[labels.length - 1] ?? '')) return 'the top label is not a valid domain label';
  return undefined;
};
