import { BUILT_IN_REFERENCES, reference } from '../references.js';
import { mapDraftStrings, type DraftStep, type StringPlace } from './draft.js';
import { producedValues, type ProducedValue } from './response-values.js';

/** A value an answer produced and later requests sent back: captured live instead of replayed. */
export interface Correlation {
  name: string;
  /** Index of the step whose answer produces it. */
  producer: number;
  produced: ProducedValue;
  /** Indexes of the steps that send it. */
  users: number[];
}

// `items[0].key` reads better as itemKey, `/checkouts/cn/…` as checkoutToken.
const singular = (word: string): string => (/[^su]s$/i.test(word) && !/(ss|us|is)$/i.test(word) ? word.slice(0, -1) : word);

const camelName = (words: readonly string[]): string => {
  const parts = words.flatMap((word) => word.split(/[^A-Za-z0-9]+/)).filter(Boolean);
  const name = parts
    .map((part, index) => (index < parts.length - 1 ? singular(part) : part))
    .map((part, index) => (index === 0 ? part.toLowerCase() : part[0]!.toUpperCase() + part.slice(1).toLowerCase()))
    .join('');
  return /^[A-Za-z_]/.test(name) ? name : `value${name}`;
};

const uniqueName = (words: readonly string[], taken: Set<string>): string => {
  const base = camelName(words) || 'value';
  let name = base;
  for (let suffix = 2; taken.has(name) || (BUILT_IN_REFERENCES as readonly string[]).includes(name); suffix += 1) name = `${base}${suffix}`;
  taken.add(name);
  return name;
};

/** Each distinct value with the first answer that produced it, read the most specific way that answer offers. */
const firstProducers = (drafts: readonly DraftStep[]): Map<string, { producer: number; produced: ProducedValue }> => {
  const producers = new Map<string, { producer: number; produced: ProducedValue }>();
  drafts.forEach((draft, index) => {
    for (const produced of producedValues(draft.entry).sort((a, b) => a.rank - b.rank)) {
      if (!producers.has(produced.value)) producers.set(produced.value, { producer: index, produced });
    }
  });
  return producers;
};

// Paths and raw text bodies hold values URL-encoded; query and form values were decoded when read.
const isEncodedPlace = (place: StringPlace): boolean => place.kind === 'path' || place.kind === 'text';

/**
 * Finds every value an answer produced that a later request sends back (as it is, or URL-encoded in a
 * path or raw body), puts a capture on the producing step and `{{name}}` where it was sent.
 */
export const correlate = (drafts: readonly DraftStep[]): { drafts: DraftStep[]; correlations: Correlation[] } => {
  const producers = [...firstProducers(drafts)].sort(([a], [b]) => b.length - a.length);
  const correlations = new Map<string, Correlation>();
  const taken = new Set<string>();
  const nameFor = (value: string, producer: number, produced: ProducedValue, user: number): string => {
    let correlation = correlations.get(value);
    if (!correlation) {
      correlation = { name: uniqueName(produced.words, taken), producer, produced, users: [] };
      correlations.set(value, correlation);
    }
    if (!correlation.users.includes(user)) correlation.users.push(user);
    return correlation.name;
  };
  const replaced = drafts.map((draft, index) =>
    mapDraftStrings(draft, (text, place) => {
      let result = text;
      for (const [value, { producer, produced }] of producers) {
        if (producer >= index) continue;
        if (result.includes(value)) result = result.split(value).join(reference(nameFor(value, producer, produced, index)));
        const encoded = encodeURIComponent(value);
        if (encoded !== value && isEncodedPlace(place) && result.includes(encoded)) {
          result = result.split(encoded).join(reference(nameFor(value, producer, produced, index), 'url'));
        }
      }
      return result;
    }),
  );
  const found = [...correlations.values()].sort((a, b) => a.producer - b.producer || a.name.localeCompare(b.name));
  const withCaptures = replaced.map((draft, index) => ({
    ...draft,
    capture: [...draft.capture, ...found.filter((correlation) => correlation.producer === index).map((correlation) => ({ name: correlation.name, ...correlation.produced.source }))],
  }));
  return { drafts: withCaptures, correlations: found };
};
