import { describe, expect, it } from 'vitest';
import { profileNames } from '../../src/cli/profile-names.js';

describe('profileNames', () => {
  it.each([
    { files: ['clients/acme.yaml', 'clients/summit.yml'], names: ['acme', 'summit'] },
    { files: ['clients/eu/store.yaml', 'clients/us/store.yaml'], names: ['eu-store', 'us-store'] },
    { files: ['a/eu/store.yaml', 'b/eu/store.yaml'], names: ['a-eu-store', 'b-eu-store'] },
    { files: ['store.yaml', './store.yaml'], names: ['store', 'store'] },
    { files: ['store.yaml', '../store.yaml'], names: ['store', 'store-2'] },
    { files: ['eu/store.yaml', 'other.yaml'], names: ['store', 'other'] },
  ])('$files → $names', ({ files, names }) => {
    expect(profileNames(files)).toEqual(names);
  });
});
