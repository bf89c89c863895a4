import { parseTagList, tagValue } from '../tag-list.js';

export interface BimiRecord {
  logo?: string;
  certificate?: string;
  /** `l=` empty: the domain declines to show a logo. */
  declined: boolean;
  problems: string[];
}

/** `default._bimi.<domain>`: `v=BIMI1; l=https://….svg; a=https://….pem`. */
export const parseBimi = (text: string): BimiRecord => {
  const list = parseTagList(text);
  const problems = [...list.problems.map((problem) => problem.message), ...list.duplicates.map((name) => `tag ${name} appears twice`)];
  if (list.tags[0]?.name !== 'v' || list.tags[0].value !== 'BIMI1') problems.push('the record must start with v=BIMI1');
  const logo = tagValue(list, 'l');
  const certificate = tagValue(list, 'a');
  if (logo === undefined) problems.push('l= (the logo location) is missing');
  else if (logo !== '' && !/^https:\/\/\S+\.svg$/i.test(logo)) problems.push(`l=${logo} must be an https URL of an SVG file`);
  if (certificate && !/^https:\/\/\S+$/i.test(certificate)) problems.push(`a=${certificate} must be an https URL`);
  const record: BimiRecord = { declined: logo === '', problems };
  if (logo) record.logo = logo;
  if (certificate) record.certificate = certificate;
  return record;
};
