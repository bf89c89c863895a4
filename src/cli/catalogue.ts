import { builtinChecks } from '../engine/registry.js';
import type { RuleMeta } from '../engine/define-check.js';

export interface CatalogueRule extends RuleMeta {
  /** `<check>/<rule>`: what a `severity:` or `suppress:` entry names. */
  id: string;
}

export interface CatalogueCheck {
  id: string;
  title: string;
  description: string;
  rules: CatalogueRule[];
}

/** Every built-in check and its rules, as `q4check checks` lists them. */
export const catalogue = (): CatalogueCheck[] =>
  builtinChecks.map((check) => ({
    id: check.id,
    title: check.title,
    description: check.description,
    rules: Object.entries(check.rules).map(([rule, meta]) => ({ id: `${check.id}/${rule}`, ...meta })),
  }));
