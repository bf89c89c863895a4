/**
 * Shopify's cursor pagination as the simulator serves it: an opaque `page_info` that carries the
 * filters of the first request, which therefore may not be sent again beside it.
 */

export interface PageCursor {
  /** Position in the filtered list. */
  offset: number;
  /** The first request's filters, as its query gave them. */
  filters: Record<string, string>;
}

export const encodeCursor = (cursor: PageCursor): string => Buffer.from(JSON.stringify(cursor)).toString('base64url');

export const decodeCursor = (pageInfo: string): PageCursor | undefined => {
  try {
    const value = JSON.parse(Buffer.from(pageInfo, 'base64url').toString('utf8')) as Partial<PageCursor>;
    const filters = value.filters;
    if (!Number.isSafeInteger(value.offset) || (value.offset ?? -1) < 0 || typeof filters !== 'object' || filters === null) return undefined;
    if (!Object.values(filters).every((filter) => typeof filter === 'string')) return undefined;
    return { offset: value.offset ?? 0, filters };
  } catch {
    return undefined;
  }
};

export interface Page<T> {
  items: T[];
  /** Cursors of the neighbouring pages, where there are any. */
  next?: PageCursor;
  previous?: PageCursor;
}

export const pageOf = <T>(items: readonly T[], offset: number, limit: number, filters: Record<string, string>): Page<T> => {
  const end = offset + limit;
  return {
    items: items.slice(offset, end),
    ...(end < items.length ? { next: { offset: end, filters } } : {}),
    ...(offset > 0 ? { previous: { offset: Math.max(0, offset - limit), filters } } : {}),
  };
};
