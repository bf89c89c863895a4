/**
 * Shopify's cursor pagination: `Link: <https://…/orders.json?limit=250&page_info=…>; rel="next"`, with
 * `rel="previous"` alongside after the first page (RFC 8288).
 */

/** The `rel="next"` target, resolved against the URL that answered; undefined on the last page. */
export const nextPageUrl = (link: string | undefined, answeredUrl: string): string | undefined => {
  if (!link) return undefined;
  for (const part of link.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (match === null) continue;
    const rels = /;\s*rel\s*=\s*"?([^";]+)"?/i.exec(match[2] ?? '')?.[1]?.toLowerCase().split(/\s+/) ?? [];
    if (rels.includes('next')) return new URL(match[1] ?? '', answeredUrl).toString();
  }
  return undefined;
};

/** The header a page with more after it carries. */
export const formatLink = (pages: { next?: string; previous?: string }): string | undefined => {
  const parts = [pages.previous === undefined ? undefined : `<${pages.previous}>; rel="previous"`, pages.next === undefined ? undefined : `<${pages.next}>; rel="next"`].filter((part) => part !== undefined);
  return parts.length === 0 ? undefined : parts.join(', ');
};
