import { isQueryableName, normalizeDomain } from '../domains.js';

/** One rua=/ruf= destination (RFC 9989 §4.7; RFC 7489 §6.2 for the `!size` suffix). */
export interface ReportUri {
  /** As written, without the surrounding whitespace. */
  uri: string;
  /** Lower-case scheme; receivers are only required to support `mailto`. */
  scheme: string;
  /** mailto only: the address, percent-decoded. */
  address?: string;
  /** mailto only: the address's domain, normalised; where reports go and what RFC 9990 authorises. */
  domain?: string;
  /** The obsolete RFC 7489 `!size` limit as written (`10m`); RFC 9989 reporters ignore it. */
  sizeLimit?: string;
}

export type ReportUriParse = { ok: true; uri: ReportUri } | { ok: false; error: string };

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
// RFC 7489 §6.4: dmarc-uri = URI [ "!" 1*DIGIT [ "k" / "m" / "g" / "t" ] ]; a literal "!" inside the URI is %21.
const SIZE_SUFFIX = /!(\d+[kmgt]?)$/i;
const ADDRESS = /^[^@\s]+@([^@\s]+)$/;

const decode = (text: string): string | undefined => {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
};

const parseMailto = (uri: string, body: string, sizeLimit: string | undefined): ReportUriParse => {
  const address = decode(body.split('?')[0] ?? '');
  const match = address === undefined ? null : ADDRESS.exec(address);
  const domain = normalizeDomain(match?.[1] ?? '');
  if (address === undefined || match === null || !isQueryableName(domain)) {
    return { ok: false, error: `${uri} is not a mailto: URI with one address` };
  }
  return { ok: true, uri: { uri, scheme: 'mailto', address, domain, ...(sizeLimit === undefined ? {} : { sizeLimit }) } };
};

const parseOther = (uri: string, scheme: string): ReportUriParse => {
  try {
    new URL(uri);
    return { ok: true, uri: { uri, scheme } };
  } catch {
    return { ok: false, error: `${uri} is not a valid URI` };
  }
};

/** Parses one URI of a rua=/ruf= list. Never throws. */
export const parseReportUri = (text: string): ReportUriParse => {
  const written = text.trim();
  const size = SIZE_SUFFIX.exec(written);
  const uri = size === null ? written : written.slice(0, size.index);
  const scheme = SCHEME.exec(uri)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    const hint = uri.includes('@') ? ' (an address needs the mailto: prefix)' : '';
    return { ok: false, error: `${JSON.stringify(written)} is not a URI${hint}` };
  }
  if (scheme === 'mailto') return parseMailto(written, uri.slice(uri.indexOf(':') + 1), size?.[1]);
  return size === null ? parseOther(uri, scheme) : { ok: false, error: `${written}: a size limit only applies to mailto: URIs` };
};

/** Splits a comma-separated rua=/ruf= value; a comma inside a URI must be written %2C. */
export const splitReportUris = (value: string): string[] => value.split(',').map((item) => item.trim());
