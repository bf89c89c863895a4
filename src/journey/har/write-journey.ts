import { Document } from 'yaml';
import { mapJsonStrings } from '../references.js';
import type { Journey } from '../types.js';

/** A recorded `${` or `$$` would read as an environment reference when the journey is loaded: written `$${` and `$$$$`. */
const escapeDollars = (text: string): string => text.replace(/\$(?=[{$])/g, '$$$$');

/** The journey as a YAML file, opening with where it came from and what a person should look at. */
export const journeyYaml = (journey: Journey, from: string): string => {
  const document = new Document({ name: journey.name, steps: mapJsonStrings(journey.steps, escapeDollars) });
  document.commentBefore = [
    ` Imported by q4check journey import from ${from}.`,
    ' Check by hand before running it:',
    '  - every step belongs to the journey (a stray request of the recording is replayed at full load);',
    '  - variant ids and product handles exist on the target store;',
    '  - captures ({{name}}) point at values the store really hands out; CSRF values no answer held were dropped;',
    '  - personal data was replaced by test values ({{uniqueEmail}}, Test Shopper, card 4242 4242 4242 4242);',
    '  - steps marked payment: true run only against loopback or a store in test mode.',
  ].join('\n');
  return document.toString({ lineWidth: 0 });
};
