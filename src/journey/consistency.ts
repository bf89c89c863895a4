import { parseJsonPath } from './json-path.js';
import { BUILT_IN_REFERENCES, referencesIn, stepTexts } from './references.js';
import type { JourneyStep } from './types.js';

/** A mistake the schema cannot see: it spans steps (an order, a repeat). `at` is its field path. */
export interface JourneyMistake {
  at: (string | number)[];
  problem: string;
}

const BUILT_INS: readonly string[] = BUILT_IN_REFERENCES;

const repeatedNames = (steps: readonly JourneyStep[]): JourneyMistake[] => {
  const firstAt = new Map<string, number>();
  return steps.flatMap((step, index) => {
    const first = firstAt.get(step.name);
    if (first === undefined) return firstAt.set(step.name, index), [];
    return [{ at: ['steps', index, 'name'], problem: `"${step.name}" is already the name of steps[${first}]: reports tell steps apart by name` }];
  });
};

const captureMistakes = (steps: readonly JourneyStep[]): JourneyMistake[] => {
  const capturedAt = new Map<string, string>();
  return steps.flatMap((step, index) =>
    (step.capture ?? []).flatMap((capture, at): JourneyMistake[] => {
      const where = ['steps', index, 'capture', at, 'name'];
      if (BUILT_INS.includes(capture.name)) return [{ at: where, problem: `"${capture.name}" is a built-in value (${BUILT_IN_REFERENCES.join(', ')}): choose another name` }];
      const earlier = capturedAt.get(capture.name);
      if (earlier) return [{ at: where, problem: `"${capture.name}" is already captured at ${earlier}: each capture needs its own name` }];
      capturedAt.set(capture.name, `steps[${index}].capture[${at}]`);
      return [];
    }),
  );
};

/** Every `{{ref}}` names a built-in or a value an earlier step captured: a step's own answer comes after it is sent. */
const referenceMistakes = (steps: readonly JourneyStep[]): JourneyMistake[] => {
  const available = new Set(BUILT_INS);
  const capturedLater = (name: string, from: number) => steps.findIndex((step, index) => index >= from && step.capture?.some((capture) => capture.name === name));
  return steps.flatMap((step, index) => {
    const mistakes = stepTexts(step).flatMap(({ at, text }) =>
      referencesIn(text)
        .filter((name) => !available.has(name))
        .map((name) => {
          const later = capturedLater(name, index);
          const why = later === index ? 'is captured from this step\'s own answer, which comes after it is sent' : later > index ? `is captured only later, at steps[${later}]` : `is never captured (built-in values: ${BUILT_IN_REFERENCES.join(', ')})`;
          return { at: ['steps', index, ...at], problem: `{{${name}}} ${why}` };
        }),
    );
    for (const capture of step.capture ?? []) available.add(capture.name);
    return mistakes;
  });
};

const checkoutMistakes = (steps: readonly JourneyStep[]): JourneyMistake[] => {
  const marked = steps.flatMap((step, index) => (step.checkout ? [index] : []));
  return marked.slice(1).map((index) => ({ at: ['steps', index, 'checkout'], problem: `steps[${marked[0]}] already starts the checkout: only one step may` }));
};

const expectMistakes = (steps: readonly JourneyStep[]): JourneyMistake[] =>
  steps.flatMap((step, index) =>
    Object.keys(step.expect?.json ?? {})
      .filter((path) => parseJsonPath(path) === undefined)
      .map((path) => ({ at: ['steps', index, 'expect', 'json', path], problem: `"${path}" is not a JSON path (e.g. token, items[0].key)` })),
  );

/** What is wrong across the steps of a journey the schema accepted, in the order of the file. */
export const journeyMistakes = (steps: readonly JourneyStep[]): JourneyMistake[] =>
  [...repeatedNames(steps), ...captureMistakes(steps), ...referenceMistakes(steps), ...checkoutMistakes(steps), ...expectMistakes(steps)].sort(
    (a, b) => Number(a.at[1]) - Number(b.at[1]),
  );

/** The step only converting sessions start from: the one marked `checkout`, else the first that is not a read. */
export const checkoutFromOf = (steps: readonly JourneyStep[]): number => {
  const marked = steps.findIndex((step) => step.checkout);
  if (marked >= 0) return marked;
  const firstWrite = steps.findIndex((step) => step.method !== 'GET' && step.method !== 'HEAD');
  return firstWrite >= 0 ? firstWrite : steps.length;
};
