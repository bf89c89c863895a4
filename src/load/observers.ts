import type { Observer, ShopperWatch } from './types.js';

/** The summary of each observer of a record, under the same keys. */
export type SummariesOf<Observers extends Record<string, Observer<unknown>>> = { [Name in keyof Observers]: Observers[Name] extends Observer<infer Summary> ? Summary : never };

/**
 * Several observers as one, since a run takes one: each shopper's exchanges go to every observer in
 * turn, and the summary is theirs under their names (`{cart: …, checkouts: …}`).
 */
export const combineObservers = <Observers extends Record<string, Observer<unknown>>>(observers: Observers): Observer<SummariesOf<Observers>> => ({
  forShopper(): ShopperWatch {
    const watches = Object.values(observers).map((observer) => observer.forShopper());
    return (exchange) => {
      for (const watch of watches) watch(exchange);
    };
  },
  summary: () => Object.fromEntries(Object.entries(observers).map(([name, observer]) => [name, observer.summary()])) as SummariesOf<Observers>,
});
