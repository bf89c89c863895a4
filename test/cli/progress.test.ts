import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnyCheck } from '../../src/engine/define-check.js';
import { REDRAW_INTERVAL_MS, spinnerProgress, type Spinner } from '../../src/cli/progress.js';

const check = (id: string) => ({ id }) as AnyCheck;
const SMS = check('sms-routing');
const DNS = check('email-auth');

/** A spinner that records what the sink asks of it. */
const recordingSpinner = () => {
  const texts: string[] = [];
  const calls: string[] = [];
  const spinner: Spinner = {
    get text() {
      return texts.at(-1) ?? '';
    },
    set text(value: string) {
      texts.push(value);
    },
    warn: (text: string) => calls.push(`warn ${text}`),
    start: () => calls.push('start'),
    stop: () => calls.push('stop'),
  };
  return { spinner, texts, calls };
};

const redactSecret = (text: string) => text.replaceAll('tok_live_51HxYz', '***');

describe('the progress spinner', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows each running check with its latest progress', () => {
    const { spinner, texts } = recordingSpinner();
    const progress = spinnerProgress('Acme', spinner, redactSecret);
    progress.checkStarted(SMS);
    vi.advanceTimersByTime(REDRAW_INTERVAL_MS);
    progress.checkStarted(DNS);
    vi.advanceTimersByTime(REDRAW_INTERVAL_MS);
    progress.checkProgress?.(SMS, '120/386 messages');
    vi.advanceTimersByTime(REDRAW_INTERVAL_MS);
    progress.checkProgress?.(DNS, '340 DNS questions');
    vi.advanceTimersByTime(REDRAW_INTERVAL_MS);
    expect(texts).toEqual([
      'Auditing Acme: sms-routing',
      'Auditing Acme: sms-routing, email-auth',
      'Auditing Acme: sms-routing: 120/386 messages, email-auth',
      'Auditing Acme: sms-routing: 120/386 messages, email-auth: 340 DNS questions',
    ]);
  });

  it('redraws at most once per interval however often a check reports, and ends on the latest', () => {
    const { spinner, texts } = recordingSpinner();
    const progress = spinnerProgress('Acme', spinner, redactSecret);
    progress.checkStarted(SMS);
    // 2,000 reports over one second.
    for (let sent = 1; sent <= 2000; sent++) {
      progress.checkProgress?.(SMS, `${sent}/2000 messages`);
      if (sent % 2 === 0) vi.advanceTimersByTime(1);
    }
    vi.advanceTimersByTime(REDRAW_INTERVAL_MS);
    expect(texts.length).toBeLessThanOrEqual(1000 / REDRAW_INTERVAL_MS + 2);
    expect(texts.at(-1)).toBe('Auditing Acme: sms-routing: 2000/2000 messages');
  });

  it('keeps secrets off the terminal, in progress and in a check that could not complete', () => {
    const { spinner, texts, calls } = recordingSpinner();
    const progress = spinnerProgress('Acme', spinner, redactSecret);
    progress.checkStarted(SMS);
    vi.advanceTimersByTime(REDRAW_INTERVAL_MS);
    progress.checkProgress?.(SMS, 'POST https://hooks.example/sms?token=tok_live_51HxYz');
    vi.advanceTimersByTime(REDRAW_INTERVAL_MS);
    progress.checkFinished(SMS, { id: 'sms-routing', title: 'SMS', state: 'error', reason: 'refused tok_live_51HxYz', durationMs: 1 });
    expect([...texts, ...calls].join('\n')).not.toContain('tok_live');
    expect(texts.at(-1)).toBe('Auditing Acme: judging');
    expect(calls).toEqual(['warn sms-routing: refused ***', 'start']);
  });

  it('stops and clears the spinner before the report prints, and draws nothing after', () => {
    const { spinner, texts, calls } = recordingSpinner();
    const progress = spinnerProgress('Acme', spinner, redactSecret);
    progress.checkStarted(SMS);
    progress.checkProgress?.(SMS, '1/386 messages');
    const shown = texts.length;
    progress.stop();
    progress.checkProgress?.(SMS, '2/386 messages');
    vi.advanceTimersByTime(10 * REDRAW_INTERVAL_MS);
    expect(calls).toEqual(['stop']);
    expect(texts).toHaveLength(shown);
  });
});
