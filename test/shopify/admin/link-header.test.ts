import { describe, expect, it } from 'vitest';
import { formatLink, nextPageUrl } from '../../../src/shopify/admin/index.js';

const ANSWERED = 'https://staging.acme.example/admin/api/2026-10/orders.json?limit=250';

describe('nextPageUrl', () => {
  it.each([
    ['the first page: next only', '<https://staging.acme.example/admin/api/2026-10/orders.json?limit=250&page_info=abc>; rel="next"', 'https://staging.acme.example/admin/api/2026-10/orders.json?limit=250&page_info=abc'],
    ['a middle page: previous, then next', '<https://s.example/o.json?page_info=p>; rel="previous", <https://s.example/o.json?page_info=n>; rel="next"', 'https://s.example/o.json?page_info=n'],
    ['the last page: previous only', '<https://s.example/o.json?page_info=p>; rel="previous"', undefined],
    ['an unquoted rel, in capitals, among others', '<https://s.example/o.json?page_info=n>; title="x"; rel=NEXT', 'https://s.example/o.json?page_info=n'],
    ['a relative target, resolved against the page that answered', '</admin/api/2026-10/orders.json?page_info=n>; rel="next"', 'https://staging.acme.example/admin/api/2026-10/orders.json?page_info=n'],
    ['no header', undefined, undefined],
    ['garbage', 'next please', undefined],
  ])('%s', (_, header, expected) => {
    expect(nextPageUrl(header, ANSWERED)).toBe(expected);
  });

  it('reads back what formatLink writes', () => {
    const link = formatLink({ previous: 'https://s.example/o.json?page_info=p', next: 'https://s.example/o.json?page_info=n' });
    expect(link).toBe('<https://s.example/o.json?page_info=p>; rel="previous", <https://s.example/o.json?page_info=n>; rel="next"');
    expect(nextPageUrl(link, ANSWERED)).toBe('https://s.example/o.json?page_info=n');
    expect(formatLink({})).toBeUndefined();
  });
});
