import { coldStart } from './cold-start.js';
import { demo } from './demo.js';
import { dnsAudit } from './dns-audit.js';
import { loadEngine } from './load-engine.js';
import { manyStores } from './many-stores.js';
import { smsBurst } from './sms-burst.js';
import { smsSequences } from './sms-sequences.js';

/** Every benchmark reports a ratio measured in the same run: absolute times on a shared machine mean little. */
const benchmarks = [coldStart, dnsAudit, smsBurst, smsSequences, loadEngine, demo, manyStores];

let missed = 0;
for (const benchmark of benchmarks) {
  for (const result of [await benchmark()].flat()) {
    const ok = result.ratio <= result.target;
    if (!ok) missed++;
    console.log(`${ok ? 'ok  ' : 'MISS'} ${result.name}: ${result.ratio.toFixed(2)}× (target ≤ ${result.target}×) — ${result.detail}`);
  }
}
console.log(missed === 0 ? 'All benchmarks within target.' : `${missed} benchmark(s) over target.`);
