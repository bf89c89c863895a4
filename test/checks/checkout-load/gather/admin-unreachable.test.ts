import { describe, expect, it } from 'vitest';
import { freeLoopbackPort } from '../../../../src/simulators/loopback.js';
import { statusesOf } from '../../../helpers/verdict-statuses.js';
import { CLEAN } from '../rules/statuses.js';
import { gatherJudgeable } from './simulated.js';

/**
 * The recorded `admin-down` case gives a wrong token (401); here nothing listens where `verify.adminApi`
 * points at all. Either way the records' rules could not check, with an `http:` cause, and nothing else
 * changes: the load is judged as on a clean store.
 */
describe('checkout-load with an Admin API nobody answers', () => {
  it('oversold-stock and duplicate-orders could not check (connection refused), never a failure; every other rule passes', async () => {
    const closed = `http://127.0.0.1:${await freeLoopbackPort()}`;
    const { verdicts } = await gatherJudgeable({ config: { verify: { adminApi: closed, adminToken: 'shpat_unused' } } });
    const expected = { ...CLEAN, 'oversold-stock': 'error', 'duplicate-orders': 'error' } as const;
    expect(statusesOf(verdicts, expected)).toEqual(expected);
    const causes = verdicts.filter((verdict) => verdict.status === 'error').map((verdict) => verdict.cause);
    for (const cause of causes) expect(cause).toMatch(/^http: connection refused by 127\.0\.0\.1:\d+$/);
  }, 60_000);
});
