import type { CartEndpoint } from './cart-paths.js';

/**
 * What a cart mutation asks for, whichever way it was sent: JSON (`{"items":[…]}`, `{"id":…,
 * "quantity":…}`, `{"updates":{…}}`) or a form (`id=40001&quantity=2`, `items[0][id]=…`,
 * `updates[40001]=2`, `updates[]=1`).
 */

/** A line named by its key (`40001:ab12…`), by variant id (the first line of that variant), or by 1-based position. */
export type LineTarget = { key: string } | { variantId: number } | { line: number };

export interface AddLine {
  variantId: number;
  quantity: number;
  properties?: Record<string, string>;
}

export type CartMutation =
  | { kind: 'add'; lines: AddLine[] }
  | { kind: 'change'; target: LineTarget; quantity: number }
  | { kind: 'update'; updates: { target: LineTarget; quantity: number }[] }
  | { kind: 'clear' };

type Fields = Record<string, unknown>;

/** The mutation a request body carries for an endpoint, or undefined when it is not one or unreadable. */
export function parseCartMutation(endpoint: CartEndpoint, body: string | undefined): CartMutation | undefined {
  if (endpoint === 'clear') return { kind: 'clear' };
  if (endpoint === 'read') return undefined;
  const fields = fieldsOf(body ?? '');
  if (fields === undefined) return undefined;
  if (endpoint === 'add') return addOf(fields);
  if (endpoint === 'change') return changeOf(fields);
  return updateOf(fields);
}

function addOf(fields: Fields): CartMutation | undefined {
  const listed = Array.isArray(fields.items) ? fields.items : isObject(fields.items) ? Object.values(fields.items) : [fields];
  const lines: AddLine[] = [];
  for (const item of listed) {
    if (!isObject(item)) return undefined;
    const variantId = integer(item.id);
    const quantity = item.quantity === undefined ? 1 : integer(item.quantity);
    if (variantId === undefined || quantity === undefined) return undefined;
    const properties = isObject(item.properties) ? stringValues(item.properties) : undefined;
    lines.push(properties ? { variantId, quantity, properties } : { variantId, quantity });
  }
  return lines.length > 0 ? { kind: 'add', lines } : undefined;
}

function changeOf(fields: Fields): CartMutation | undefined {
  const quantity = integer(fields.quantity);
  const target = fields.line !== undefined ? lineTarget(fields.line) : targetOf(fields.id);
  return target === undefined || quantity === undefined ? undefined : { kind: 'change', target, quantity };
}

function updateOf(fields: Fields): CartMutation | undefined {
  const { updates } = fields;
  const pairs: [LineTarget | undefined, unknown][] = Array.isArray(updates)
    ? updates.map((quantity, index) => [{ line: index + 1 }, quantity])
    : isObject(updates)
      ? Object.entries(updates).map(([id, quantity]) => [targetOf(id), quantity])
      : [];
  const parsed = pairs.map(([target, quantity]) => ({ target, quantity: integer(quantity) }));
  if (parsed.length === 0 || parsed.some((update) => update.target === undefined || update.quantity === undefined)) return undefined;
  return { kind: 'update', updates: parsed as { target: LineTarget; quantity: number }[] };
}

/** An `id` is a line key when it has a colon, a variant id otherwise. */
function targetOf(id: unknown): LineTarget | undefined {
  if (typeof id === 'string' && id.includes(':')) return { key: id };
  const variantId = integer(id);
  return variantId === undefined ? undefined : { variantId };
}

function lineTarget(line: unknown): LineTarget | undefined {
  const index = integer(line);
  return index === undefined || index < 1 ? undefined : { line: index };
}

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

function integer(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(number) && number >= 0 ? number : undefined;
}

const stringValues = (record: Fields): Record<string, string> => Object.fromEntries(Object.entries(record).map(([name, value]) => [name, String(value)]));

/** JSON when it looks like JSON, else form fields with Rails-style brackets folded into objects and arrays. */
function fieldsOf(body: string): Fields | undefined {
  const text = body.trim();
  if (text.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(text);
      return isObject(parsed) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }
  const fields: Fields = {};
  for (const [name, value] of new URLSearchParams(text)) setBracketed(fields, name, value);
  return fields;
}

/** `items[0][id]=1` → `{items: {0: {id: '1'}}}`; `updates[]=2` appends to an array. */
function setBracketed(fields: Fields, name: string, value: string): void {
  const parts = name.replace(/\]/g, '').split('[');
  let node: Fields | unknown[] = fields;
  parts.forEach((part, index) => {
    const last = index === parts.length - 1;
    if (Array.isArray(node)) {
      if (last) node.push(value);
      return;
    }
    if (last) {
      node[part] = value;
      return;
    }
    const nextIsAppend = parts[index + 1] === '';
    const existing: unknown = node[part];
    const child: Fields | unknown[] = Array.isArray(existing) || isObject(existing) ? existing : nextIsAppend ? [] : {};
    node[part] = child;
    node = child;
  });
}
