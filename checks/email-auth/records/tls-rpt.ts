import { parseTagList, tagValue } from '../tag-list.js';

export interface TlsRptRecord {
  rua: string[];
  problems: string[];
}

/** `_smtp._tls.<domain>`: `v=TLSRPTv1; rua=mailto:…,https://…` (RFC 8460 §3). */
export const parseTlsRpt = (text: string): TlsRptRecord => {
  const list = parseTagList(text);
  const problems = [...list.problems.map((problem) => problem.message), ...list.duplicates.map((name) => `tag ${name} appears twice`)];
  if (list.tags[0]?.name !== 'v' || list.tags[0].value !== 'TLSRPTv1') problems.push('the record must start with v=TLSRPTv1');
  const rua = (tagValue(list, 'rua') ?? '').split(',').map((uri) => uri.trim()).filter(Boolean);
  if (rua.length === 0) problems.push('rua= is missing');
  for (const uri of rua) if (!/^(mailto:[^@\s]+@[^@\s]+|https:\/\/\S+)$/i.test(uri)) problems.push(`rua ${uri} is neither mailto: nor https:`);
  return { rua, problems };
};
