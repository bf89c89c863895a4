import { existsSync, readFileSync } from 'node:fs';

/**
 * q4check's version from its package.json, found by walking up from this file: the source
 * (src/lib/) and the build (dist/src/lib/) sit at different depths, and a check runs from either
 * (the CLI runs the build, the tests the source).
 */
export const packageVersion = (): string => {
  for (let up = new URL('../../', import.meta.url); ; up = new URL('../', up)) {
    const manifest = new URL('package.json', up);
    if (existsSync(manifest)) {
      const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
      if (parsed.name === 'q4check' && parsed.version) return parsed.version;
    }
    if (up.pathname === '/') return '0.0.0';
  }
};
