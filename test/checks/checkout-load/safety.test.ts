import { describe, expect, it } from 'vitest';
import { authorizeTarget, isLoopbackHost, isProductionHost, paymentsAllowed } from '../../../checks/checkout-load/safety.js';

const APPROVED = 'Load test of staging approved by the platform team, ticket OPS-4821';

describe('target authorization', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['[::1]', true],
    ['localhost', true],
    ['shop.localhost', true],
    ['128.0.0.1', false],
    ['10.0.0.5', false],
    ['localhost.acme.example', false],
    ['::2', false],
  ])('%s is loopback: %s', (host, loopback) => expect(isLoopbackHost(host)).toBe(loopback));

  it.each([
    ['acme-dev.myshopify.com', true],
    ['shop.acme.example', true],
    ['www.acme.example', true],
    ['staging.acme.example', false],
    ['stg2.acme.example', false],
    ['acme.dev.example', false],
    ['loadtest.acme.example', false],
    ['staging-like.acme.example', true],
  ])('%s serves production: %s', (host, production) => expect(isProductionHost(host)).toBe(production));

  it('loopback needs nothing', () => {
    expect(authorizeTarget({ target: 'http://127.0.0.1:8080', allowedHosts: [] }, false)).toMatchObject({ allowed: true, loopback: true });
  });

  it.each([
    { name: 'no authorization', config: { target: 'https://staging.acme.example', allowedHosts: ['staging.acme.example'] }, flag: false, reason: /gives no authorization/ },
    { name: 'host not allowed', config: { target: 'https://staging.acme.example', authorization: APPROVED, allowedHosts: ['qa.acme.example'] }, flag: false, reason: /not in allowedHosts/ },
    { name: 'a Shopify store without the flag', config: { target: 'https://acme.myshopify.com', authorization: APPROVED, allowedHosts: ['acme.myshopify.com'] }, flag: false, reason: /\*\.myshopify\.com.*--allow-production/ },
    { name: 'a production host without the flag', config: { target: 'https://shop.acme.example', authorization: APPROVED, allowedHosts: ['*.acme.example'] }, flag: false, reason: /may serve real shoppers/ },
  ])('refused: $name', ({ config, flag, reason }) => {
    const decision = authorizeTarget(config, flag);
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) expect(decision.reason).toMatch(reason);
  });

  it.each([
    { name: 'staging, authorised and allowed', config: { target: 'https://staging.acme.example/', authorization: APPROVED, allowedHosts: ['STAGING.acme.example'] }, flag: false },
    { name: 'a wildcard allows a host under it', config: { target: 'https://staging.eu.acme.example', authorization: APPROVED, allowedHosts: ['*.acme.example'] }, flag: false },
    { name: 'a Shopify store with the flag', config: { target: 'https://acme.myshopify.com', authorization: APPROVED, allowedHosts: ['acme.myshopify.com'] }, flag: true },
  ])('allowed: $name', ({ config, flag }) => expect(authorizeTarget(config, flag).allowed).toBe(true));

  it('payments run on loopback or in testMode, never on a refused target', () => {
    const staging = authorizeTarget({ target: 'https://staging.acme.example', authorization: APPROVED, allowedHosts: ['staging.acme.example'] }, false);
    expect(paymentsAllowed(staging, false)).toBe(false);
    expect(paymentsAllowed(staging, true)).toBe(true);
    expect(paymentsAllowed(authorizeTarget({ target: 'http://127.0.0.1:1', allowedHosts: [] }, false), false)).toBe(true);
    expect(paymentsAllowed(authorizeTarget({ target: 'https://shop.acme.example', allowedHosts: [] }, false), true)).toBe(false);
  });
});
