import { isPair, isScalar, isSeq, visit, type Document, type Node, type Pair } from 'yaml';
import type { SourcePosition } from '../lib/errors.js';
import { isSecretName } from '../lib/secrets.js';
import type { FieldPath, YamlSource } from './yaml-source.js';

const REFERENCE = /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** A `${NAME}` whose variable is not set: its value is left as written, and the caller decides whether it is needed there. */
export interface UnresolvedVariable {
  name: string;
  path: FieldPath;
  position: SourcePosition;
}

type Ancestor = Document | Node | Pair;

/** `checks.sms-routing.authToken` as a path, from the nodes above a value. */
const fieldPathOf = (ancestors: readonly Ancestor[], node: Node): FieldPath => {
  const chain: unknown[] = [...ancestors, node];
  const path: PropertyKey[] = [];
  chain.forEach((item, index) => {
    const next = chain[index + 1];
    if (isPair(item) && next === item.value) path.push(isScalar(item.key) ? String(item.key.value) : String(item.key));
    if (isSeq(item)) path.push(item.items.indexOf(next));
  });
  return path;
};

/**
 * Replaces `${NAME}` in every string value with the environment's value, in place; `$$` is a literal
 * `$`. A value whose variable's name says secret (TOKEN, SECRET, PASSWORD, KEY) goes to `addSecret`;
 * others are shown, since a domain or a URL read from the environment is what a report is about.
 * A value with an unset variable is left as written and reported, not thrown: whether it is needed
 * depends on which checks run.
 */
export const interpolateEnvironment = (
  source: YamlSource,
  env: Readonly<Record<string, string | undefined>>,
  addSecret: (value: string) => void,
): UnresolvedVariable[] => {
  const unresolved: UnresolvedVariable[] = [];
  visit(source.document, {
    Scalar(_key, node, ancestors) {
      if (typeof node.value !== 'string' || !node.value.includes('$')) return;
      const missing: string[] = [];
      const replaced = node.value.replace(REFERENCE, (match, name: string | undefined) => {
        if (match === '$$') return '$';
        const value = env[name!];
        if (value === undefined) {
          missing.push(name!);
          return match;
        }
        if (isSecretName(name!)) addSecret(value);
        return value;
      });
      if (missing.length === 0) {
        node.value = replaced;
        return;
      }
      const path = fieldPathOf(ancestors, node);
      for (const name of missing) unresolved.push({ name, path, position: source.positionOfNode(node) });
    },
  });
  return unresolved;
};
