import { isScalar, visit } from 'yaml';
import { ProfileError } from '../lib/errors.js';
import type { YamlSource } from './yaml-source.js';

const REFERENCE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * Replaces `${NAME}` in every string value with the environment's value, in place, and hands each
 * value to `addSecret`: interpolation is how profiles carry tokens. `$$` is a literal `$`.
 */
export const interpolateEnvironment = (
  source: YamlSource,
  env: Readonly<Record<string, string | undefined>>,
  addSecret: (value: string) => void,
): void => {
  visit(source.document, {
    Scalar(_key, node) {
      if (!isScalar(node) || typeof node.value !== 'string' || !node.value.includes('$')) return;
      node.value = node.value.replace(REFERENCE, (match, name: string | undefined) => {
        if (match === '$$') return '$';
        const value = env[name!];
        if (value === undefined) {
          throw new ProfileError(`environment variable ${name} is not set`, source.positionOfNode(node));
        }
        addSecret(value);
        return value;
      });
    },
  });
};
