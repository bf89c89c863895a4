import { readFileSync } from 'node:fs';

/** Read at run time from package.json, so the version has one home. */
export const toolVersion = (): string => {
  const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
};
