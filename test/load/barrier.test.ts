import { describe, expect, it } from 'vitest';
import { Barrier } from '../../src/load/barrier.js';

const never = new AbortController().signal;

describe('Barrier', () => {
  it('sends every waiting request in one synchronous loop once the last expected shopper arrives', async () => {
    const barrier = new Barrier<number>(3, 60_000, never);
    const sent: number[] = [];
    const send = (n: number) => () => {
      sent.push(n);
      return Promise.resolve(n);
    };
    const first = barrier.arrive(send(1));
    const second = barrier.arrive(send(2));
    expect(sent).toEqual([]);
    const third = barrier.arrive(send(3));
    // Sent before arrive() returned to the last shopper: the same tick, not one microtask each.
    expect(sent).toEqual([1, 2, 3]);
    const outcomes = await Promise.all([first, second, third]);
    expect(await Promise.all(outcomes.map((outcome) => ('sent' in outcome ? outcome.sent : undefined)))).toEqual([1, 2, 3]);
    expect(barrier.sent).toBe(3);
    expect(barrier.timedOut).toBe(false);
    expect(await barrier.arrive(send(4))).toEqual({ late: true });
    expect(sent).toEqual([1, 2, 3]);
  });

  it('opens for those present when the others leave, and at once when nobody is expected', async () => {
    const barrier = new Barrier<string>(3, 60_000, never);
    const waiting = barrier.arrive(() => Promise.resolve('paid'));
    barrier.leave();
    barrier.leave();
    expect(await waiting).toHaveProperty('sent');
    expect(barrier.sent).toBe(1);
    const empty = new Barrier<string>(0, 60_000, never);
    expect(await empty.arrive(() => Promise.resolve('x'))).toEqual({ late: true });
    expect(empty.sent).toBe(0);
  });

  it('opens at its deadline without a missing shopper', async () => {
    const barrier = new Barrier<string>(2, 20, never);
    const outcome = await barrier.arrive(() => Promise.resolve('paid'));
    expect(outcome).toHaveProperty('sent');
    expect(barrier.timedOut).toBe(true);
  });

  it('sends nothing once stopped: those waiting and those arriving later are told so', async () => {
    const stop = new AbortController();
    const barrier = new Barrier<string>(2, 60_000, stop.signal);
    let sent = 0;
    const send = () => {
      sent += 1;
      return Promise.resolve('paid');
    };
    const waiting = barrier.arrive(send);
    stop.abort();
    expect(await waiting).toEqual({ stopped: true });
    expect(await barrier.arrive(send)).toEqual({ stopped: true });
    expect(sent).toBe(0);
    expect(barrier.sent).toBe(0);
  });
});
