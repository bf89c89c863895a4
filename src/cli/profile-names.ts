import path from 'node:path';

const stem = (file: string): string => path.basename(file).replace(/\.ya?ml$/i, '');

/** The folders of a profile's path, nearest first, without `.` and `..`: `clients/eu/store.yaml` → eu, clients. */
const parentFolders = (file: string): string[] =>
  path
    .dirname(path.normalize(file))
    .split(/[\\/]+/)
    .filter((part) => part !== '' && part !== '.' && part !== '..')
    .reverse();

/**
 * One name per profile for the files and folders written for it: the file name without `.yaml`,
 * stable whatever else is audited. Profiles that share a file name (`eu/store.yaml`, `us/store.yaml`)
 * are told apart by their nearest differing folders (`eu-store`, `us-store`), so no client's report or
 * evidence overwrites another's. The same file given twice keeps one name.
 */
export const profileNames = (files: readonly string[]): string[] => {
  const resolved = files.map((file) => path.resolve(file));
  const names = files.map((file, index) => {
    const clashes = files.filter((other, j) => stem(other) === stem(file) && resolved[j] !== resolved[index]);
    if (clashes.length === 0) return stem(file);
    const folders = parentFolders(file);
    for (let depth = 1; depth <= folders.length; depth += 1) {
      const prefix = folders.slice(0, depth).reverse().join('-');
      const unique = clashes.every((other) => parentFolders(other).slice(0, depth).reverse().join('-') !== prefix);
      if (unique) return `${prefix}-${stem(file)}`;
    }
    return stem(file);
  });
  // Paths that differ only in what the folders above cannot show (`../store.yaml` and `store.yaml`) are numbered.
  return names.map((name, index) => {
    const earlier = new Set(names.slice(0, index).flatMap((other, j) => (other === name && resolved[j] !== resolved[index] ? [resolved[j]] : [])));
    return earlier.size === 0 ? name : `${name}-${earlier.size + 1}`;
  });
};
