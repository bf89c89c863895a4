import { parse } from 'yaml';
import { UsageError } from '../lib/errors.js';
import type { ProfileOverride } from '../profile/load.js';

/**
 * `--set checks.sms-routing.webhook=https://pr-42.staging.example/sms`: a CI job points one profile at
 * each preview environment. The value is read as YAML (numbers, true, lists); numeric path segments
 * index lists (`checks.ip-warmup.ips.0.start=2026-09-01`).
 */
export const parseOverride = (text: string): ProfileOverride => {
  const equals = text.indexOf('=');
  const path = text.slice(0, Math.max(equals, 0));
  if (equals <= 0 || !/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(path)) {
    throw new UsageError(`--set takes field.path=value (e.g. checks.sms-routing.webhook=https://…), not "${text}"`);
  }
  const raw = text.slice(equals + 1);
  let value: unknown;
  try {
    value = parse(raw);
  } catch {
    value = raw;
  }
  return { path: path.split('.').map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment)), value: value ?? raw, text };
};
