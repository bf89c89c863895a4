import { parseTagList, tagValue } from '../tag-list.js';

export interface StsTxt {
  id?: string;
  problems: string[];
}

/** The `_mta-sts.<domain>` TXT record: `v=STSv1; id=…` (RFC 8461 §3.1). */
export const parseStsTxt = (text: string): StsTxt => {
  const list = parseTagList(text);
  const problems = [...list.problems.map((problem) => problem.message), ...list.duplicates.map((name) => `tag ${name} appears twice`)];
  if (list.tags[0]?.name !== 'v' || list.tags[0].value !== 'STSv1') problems.push('the record must start with v=STSv1');
  const id = tagValue(list, 'id');
  if (id === undefined) problems.push('id= is missing');
  else if (!/^[A-Za-z0-9]{1,32}$/.test(id)) problems.push(`id=${id} must be 1 to 32 letters and digits`);
  return id === undefined ? { problems } : { id, problems };
};

export interface StsPolicy {
  mode?: 'enforce' | 'testing' | 'none';
  mx: string[];
  maxAge?: number;
  problems: string[];
}

const MAX_AGE_LIMIT = 31_557_600;

/** The policy file at https://mta-sts.<domain>/.well-known/mta-sts.txt (RFC 8461 §3.2). */
export const parseStsPolicy = (text: string): StsPolicy => {
  const policy: StsPolicy = { mx: [], problems: [] };
  const fields = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) {
      policy.problems.push(`"${line.slice(0, 60)}" is not a key: value line`);
      continue;
    }
    const key = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (key === 'mx') policy.mx.push(value.toLowerCase());
    else fields.set(key, value);
  }
  if (fields.get('version') !== 'STSv1') policy.problems.push('version: STSv1 is missing');
  const mode = fields.get('mode');
  if (mode === 'enforce' || mode === 'testing' || mode === 'none') policy.mode = mode;
  else policy.problems.push(`mode must be enforce, testing or none${mode ? `, not ${mode}` : ''}`);
  const maxAge = Number(fields.get('max_age'));
  if (Number.isInteger(maxAge) && maxAge >= 0 && maxAge <= MAX_AGE_LIMIT) policy.maxAge = maxAge;
  else policy.problems.push(`max_age must be whole seconds up to ${MAX_AGE_LIMIT}`);
  if (policy.mode !== 'none' && policy.mx.length === 0) policy.problems.push('no mx: lines');
  return policy;
};

/** Whether an MX host is covered by a policy mx pattern; `*.example.com` matches one label only. */
export const mxMatches = (pattern: string, host: string): boolean => {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (!pattern.startsWith('*.')) return pattern === name;
  const suffix = pattern.slice(1);
  return name.endsWith(suffix) && !name.slice(0, -suffix.length).includes('.') && name.length > suffix.length;
};
