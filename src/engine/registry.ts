import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import checkoutLoad from '../../checks/checkout-load/index.js';
import emailAuth from '../../checks/email-auth/index.js';
import ipWarmup from '../../checks/ip-warmup/index.js';
import smsRouting from '../../checks/sms-routing/index.js';
import type { AnyCheck } from './define-check.js';

/** The built-in checks, in report order. */
export const builtinChecks: readonly AnyCheck[] = [emailAuth, ipWarmup, smsRouting, checkoutLoad];

const isCheck = (value: unknown): value is AnyCheck => {
  const candidate = value as Partial<AnyCheck> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.id === 'string' &&
    /^[a-z][a-z0-9-]*$/.test(candidate.id) &&
    typeof candidate.title === 'string' &&
    typeof candidate.rules === 'object' &&
    typeof candidate.config?.safeParse === 'function' &&
    typeof candidate.gather === 'function' &&
    typeof candidate.evaluate === 'function'
  );
};

const resolveSpecifier = (specifier: string, profileDir: string): string => {
  if (specifier.startsWith('.') || path.isAbsolute(specifier)) {
    return pathToFileURL(path.resolve(profileDir, specifier)).href;
  }
  // A package name resolves from the profile's folder, as the user's own project would.
  return pathToFileURL(createRequire(path.join(profileDir, 'profile.yaml')).resolve(specifier)).href;
};

/** Imports a plugin module whose default export is a check made with defineCheck. */
export const loadPlugin = async (specifier: string, profileDir: string): Promise<AnyCheck> => {
  const module = (await import(resolveSpecifier(specifier, profileDir))) as { default?: unknown };
  if (!isCheck(module.default)) {
    throw new Error('its default export is not a check (id, title, config, rules, gather, evaluate)');
  }
  return module.default;
};
