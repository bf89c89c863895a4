import type { z } from 'zod';
import { isSecretName } from '../lib/secrets.js';
import { isMarkedSecret } from './fields.js';
import { schemasAt, wrapperChain } from './known-keys.js';
import type { FieldPath } from './yaml-source.js';

type Schema = z.core.$ZodType;

/** Whether the field at `path` was marked with `secret()` by its check's schema (or the profile's). */
export const isSecretFieldAt = (root: Schema, path: FieldPath): boolean =>
  schemasAt(root, path).some((schema) => wrapperChain(schema).some(isMarkedSecret));

const leaves = (value: unknown): unknown[] =>
  value !== null && typeof value === 'object' ? Object.values(value).flatMap(leaves) : [value];

const registerLeaves = (value: unknown, addSecret: (value: string) => void): void => {
  for (const leaf of leaves(value)) if (leaf !== null && leaf !== undefined) addSecret(String(leaf));
};

/**
 * Hands every value found in a secret field to `addSecret`, whatever its type (a token YAML read as a
 * number is still a token): before validation, so no message can quote one.
 */
export const registerSecretValues = (root: Schema, value: unknown, addSecret: (value: string) => void, path: FieldPath = []): void => {
  if (path.length > 0 && schemasAt(root, path).length === 0) return; // no schema knows this field: nothing marks it
  if (isSecretFieldAt(root, path)) {
    registerLeaves(value, addSecret);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const entries: [PropertyKey, unknown][] = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
  for (const [key, child] of entries) registerSecretValues(root, child, addSecret, [...path, key]);
};

/**
 * A --set of a secret field, or of a field whose name says secret where no schema knows it
 * (`checks.sms-rooting.authToken`): its flag is quoted in problems, so its value is masked even then.
 */
export const registerSecretOverride = (root: Schema, override: { path: FieldPath; value: unknown; text?: string }, addSecret: (value: string) => void): void => {
  const unknownField = schemasAt(root, override.path).length === 0;
  if (!isSecretFieldAt(root, override.path) && !(unknownField && isSecretName(String(override.path.at(-1))))) return;
  registerLeaves(override.value, addSecret);
  if (override.text !== undefined) addSecret(override.text.slice(override.text.indexOf('=') + 1));
};
