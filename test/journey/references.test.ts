import { describe, expect, it } from 'vitest';
import { formatJsonPath, parseJsonPath, readJsonPath } from '../../src/journey/json-path.js';
import { builtInValues, fillReferences, fillStep, MissingReference, referencesIn } from '../../src/journey/references.js';

describe('fillReferences', () => {
  it('replaces every {{name}}, spaces inside the braces allowed', () => {
    expect(fillReferences('/checkouts/cn/{{token}}?k={{ key }}&again={{token}}', { token: 'T1', key: 'K' })).toBe('/checkouts/cn/T1?k=K&again=T1');
  });

  it('leaves text without references as it is, single braces included', () => {
    expect(fillReferences('{"a":{"b":1}}', {})).toBe('{"a":{"b":1}}');
  });

  it('throws MissingReference naming the reference without a value', () => {
    expect(() => fillReferences('/orders/{{orderId}}', {})).toThrow(MissingReference);
    expect(() => fillReferences('/orders/{{orderId}}', {})).toThrow(/\{\{orderId\}\}/);
  });

  it('lists the references of a text in order', () => {
    expect(referencesIn('{{a}}/{{ b }}/{{a}}/{{1x}}')).toEqual(['a', 'b', 'a']);
  });
});

describe('fillStep', () => {
  it('fills path, header values and every string of a JSON body, leaving numbers and keys alone', () => {
    const step = fillStep(
      {
        name: 'change',
        method: 'POST',
        path: '/cart/{{cart}}/change.js',
        headers: { 'x-csrf-token': '{{csrf}}' },
        body: { json: { id: '{{lineKey}}', quantity: 2, nested: [{ '{{lineKey}}': '{{lineKey}}' }] } },
      },
      { cart: 'c1', csrf: 'tok', lineKey: '4401:ab' },
    );
    expect(step.path).toBe('/cart/c1/change.js');
    expect(step.headers).toEqual({ 'x-csrf-token': 'tok' });
    expect(step.body).toEqual({ json: { id: '4401:ab', quantity: 2, nested: [{ '{{lineKey}}': '4401:ab' }] } });
  });

  it('fills form values and text bodies, keeping the content type', () => {
    expect(fillStep({ name: 'a', method: 'POST', path: '/', body: { form: { email: '{{uniqueEmail}}' } } }, builtInValues({ runId: 'r7', shopperIndex: 3 })).body).toEqual({
      form: { email: 'shopper+r7-3@example.com' },
    });
    expect(fillStep({ name: 'a', method: 'POST', path: '/', body: { text: 'n={{shopperIndex}}', contentType: 'text/plain' } }, { shopperIndex: '9' }).body).toEqual({
      text: 'n=9',
      contentType: 'text/plain',
    });
  });
});

describe('JSON paths', () => {
  it('reads nested keys and indexes', () => {
    const value = { items: [{ key: 'k1' }, { key: 'k2' }], checkout: { token: 't' }, updates: { '44:ab': 3 } };
    expect(readJsonPath(value, 'items[1].key')).toBe('k2');
    expect(readJsonPath(value, 'checkout.token')).toBe('t');
    expect(readJsonPath(value, 'updates["44:ab"]')).toBe(3);
    expect(readJsonPath(value, 'items[5].key')).toBeUndefined();
    expect(readJsonPath([{ id: 1 }], '[0].id')).toBe(1);
  });

  it('writes paths it reads back', () => {
    for (const segments of [['items', 0, 'key'], ['updates', '44:ab'], [0, 'id'], ['a-b', 'c_d']]) {
      expect(parseJsonPath(formatJsonPath(segments))).toEqual(segments);
    }
  });

  it('refuses what is not a path', () => {
    for (const text of ['', '.token', 'items[x]', 'a..b', 'a[0']) expect(parseJsonPath(text)).toBeUndefined();
    expect(readJsonPath({ a: 1 }, 'a..b')).toBeUndefined();
  });
});

describe('URL-encoded references', () => {
  it('fills {{name|url}} with the value URL-encoded, for a query string', () => {
    expect(fillReferences('/cart/c?token={{cart|url}}&raw={{cart}}', { cart: 'c1-ab?key=x y' })).toBe('/cart/c?token=c1-ab%3Fkey%3Dx%20y&raw=c1-ab?key=x y');
    expect(referencesIn('{{cart|url}}')).toEqual(['cart']);
  });
});
