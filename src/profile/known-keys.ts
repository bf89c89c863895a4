import type { z } from 'zod';
import type { FieldPath } from './yaml-source.js';

type Schema = z.core.$ZodType;

interface WalkableDef {
  type: string;
  shape?: Record<string, Schema>;
  innerType?: Schema;
  in?: Schema;
  element?: Schema;
  valueType?: Schema;
  options?: Schema[];
}

const defOf = (schema: Schema): WalkableDef => schema._zod.def as unknown as WalkableDef;

/** The schema and the ones it wraps (optional, default, pipe…), outermost first. */
export const wrapperChain = (schema: Schema): Schema[] => {
  const def = defOf(schema);
  const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
  return inner ? [schema, ...wrapperChain(inner)] : [schema];
};

/** Looks through wrappers to the schema that shapes the value. */
const unwrap = (schema: Schema): Schema => wrapperChain(schema).at(-1)!;

const step = (schema: Schema, segment: PropertyKey): Schema[] => {
  const def = defOf(unwrap(schema));
  if (def.type === 'union') return (def.options ?? []).flatMap((option) => step(option, segment));
  if (def.type === 'object') return def.shape?.[String(segment)] ? [def.shape[String(segment)]!] : [];
  if (def.type === 'array' && def.element) return [def.element];
  if (def.type === 'record' && def.valueType) return [def.valueType];
  return [];
};

const keysOf = (schema: Schema): string[] => {
  const def = defOf(unwrap(schema));
  if (def.type === 'union') return (def.options ?? []).flatMap(keysOf);
  return def.type === 'object' ? Object.keys(def.shape ?? {}) : [];
};

/** Every schema that may validate the value at `path` (several where a union allows several shapes). */
export const schemasAt = (root: Schema, path: FieldPath): Schema[] => {
  let schemas = [root];
  for (const segment of path) schemas = schemas.flatMap((schema) => step(schema, segment));
  return schemas;
};

/** The keys the schema allows in the mapping at `path`: the candidates for "did you mean". */
export const knownKeysAt = (root: Schema, path: FieldPath): string[] => [...new Set(schemasAt(root, path).flatMap(keysOf))];
