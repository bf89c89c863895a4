import { it } from 'vitest';
import { config as schema } from '../../../../checks/sms-routing/config.js';
import { gather } from '../../../../checks/sms-routing/gather.js';
import { evaluate } from '../../../../checks/sms-routing/evaluate.js';
import { SmsSimulator, type SmsSimulatorOptions } from '../../../../src/simulators/sms/index.js';

const run = async (label: string, options: Partial<SmsSimulatorOptions>, extra: Record<string, unknown> = {}) => {
  const sim = new SmsSimulator({ authToken: 'tok-secret-1234', brand: 'Acme Outdoor', contact: 'help@acme.example', ...options });
  const { url } = await sim.start();
  const cfg = schema.parse({ webhook: url, authToken: 'tok-secret-1234', storeNumber: '+15005550006', testNumber: '+15005550001', brand: 'Acme Outdoor', burst: { messages: 40, perSecond: 40 }, ...extra });
  const t = performance.now();
  const artifact = await gather({ signal: new AbortController().signal, profileDir: '.', today: '2026-11-20', logger: { info: () => undefined, debug: () => undefined }, dns: { query: () => Promise.reject(new Error('no')), log: () => [], stats: () => ({ sent: 0, distinct: 0 }) }, addSecret: () => undefined }, cfg);
  const ms = performance.now() - t;
  await sim.stop();
  const verdicts = evaluate(artifact, cfg, { today: '2026-11-20', peak: { name: 'x', start: '2026-11-27', end: '2026-11-30', derived: true }, store: { name: 's', timezone: 'UTC' } });
  const byRule: Record<string, Record<string, number>> = {};
  for (const v of verdicts) { const r = (byRule[v.rule] ??= {}); r[v.status] = (r[v.status] ?? 0) + 1; }
  console.log(label, Math.round(ms), 'ms', artifact.sequences.length, 'seqs', JSON.stringify(byRule));
  for (const v of verdicts.filter((v) => v.status !== 'pass' && v.status !== 'skip')) console.log('   ', v.rule, v.status, v.subject, '|', v.message);
};

it('explore', async () => {
  await run('compliant', {});
  await run('caseSensitiveStop', { caseSensitiveStop: true });
  await run('doubleConfirmation', { doubleConfirmation: true });
  await run('helpWithoutBrand', { helpWithoutBrand: true });
  await run('acceptUnsigned', { acceptUnsigned: true });
  await run('ignoreStart', { ignoreStart: true });
  await run('provider', { optOutHandledBy: 'provider' }, { optOutHandledBy: 'provider' });
  await run('provider-sim-app', {}, { optOutHandledBy: 'provider' });
  await run('app-sim-provider', { optOutHandledBy: 'provider' });
  await run('canadian', {}, { testNumber: '+15145550123' });
}, 120_000);
