import type { z } from 'zod';
import { isMarkedSecret } from './fields.js';
import { schemasAt, wrapperChain } from './known-keys.js';
import type { FieldPath } from './yaml-source.js';

type Schema = z.core.$ZodType;

/** Whether the field at `path` was marked with `secret()` by its check's schema (or the profile's). */
export const isSecretFieldAt = (root: Schema, path: FieldPath): boolean =>
  schemasAt(root, path).some((schema) => wrapperChain(schema).some(isMarkedSecret));

const leaves = (value: unknown): unknown[] =>
  value !== null && typeof value === 'object' ? Object.values(value).flatMap(leaves) : [value];

/**
 * Hands every value found in a secret field to `addSecret`, whatever its type (a token YAML read as a
 * number is still a token): before validation, so no message can quote one.
 */
export const registerSecretValues = (root: Schema, value: unknown, addSecret: (value: string) => void, path: FieldPath = []): void => {
  if (path.length > 0 && schemasAt(root, path).length === 0) return; // no schema knows this field: nothing marks it
  if (isSecretFieldAt(root, path)) {
    for (const leaf of leaves(value)) if (leaf !== null && leaf !== undefined) addSecret(String(leaf));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const entries: [PropertyKey, unknown][] = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
  for (const [key, child] of entries) registerSecretValues(root, child, addSecret, [...path, key]);
};
