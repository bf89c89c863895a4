import { describe, expect, it } from 'vitest';
import { closestMatch } from '../../src/lib/did-you-mean.js';
import { isSecretName, SecretRegistry } from '../../src/lib/secrets.js';

describe('SecretRegistry', () => {
  it('masks every occurrence, longest secret first', () => {
    const secrets = new SecretRegistry();
    secrets.add('tok_12345');
    secrets.add('tok_12345_extended');
    expect(secrets.redact('a tok_12345_extended b tok_12345 c')).toBe('a *** b *** c');
  });

  it('ignores values too short to be secrets rather than mask ordinary text', () => {
    const secrets = new SecretRegistry();
    secrets.add('1');
    expect(secrets.redact('port 1')).toBe('port 1');
    expect(secrets.size).toBe(0);
  });
});

describe('isSecretName', () => {
  it.each([
    ['TWILIO_AUTH_TOKEN', true],
    ['STRIPE_SECRET', true],
    ['DB_PASSWORD', true],
    ['API_KEY', true],
    ['apiKey', true],
    ['checkout-admin-token', true],
    ['SSH_KEYS', true],
    ['SUMMIT_DOMAIN', false],
    ['WEBHOOK_URL', false],
    ['MONKEY_NAME', false],
    ['KEYCLOAK_URL', false],
    ['TOKENIZER_HOST', false],
  ])('%s: %s', (name, secret) => {
    expect(isSecretName(name)).toBe(secret);
  });
});

describe('closestMatch', () => {
  it('suggests near misses and nothing for far ones', () => {
    expect(closestMatch('timzone', ['name', 'timezone'])).toBe('timezone');
    expect(closestMatch('colour', ['name', 'timezone'])).toBeUndefined();
  });
});
