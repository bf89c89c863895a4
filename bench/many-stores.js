import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { startZoneServer } from './zone-server.js';

const STORES = Number(process.env.Q4CHECK_BENCH_STORES ?? 1000);
const LATENCY_MS = 20;
/** Issue 11's aims for an agency's 1,000 stores on two cores. */
const TARGET_WALL_MS = 60_000;
const TARGET_RSS_MB = 300;

const BIN = fileURLToPath(new URL('../bin/q4check.js', import.meta.url));
const TIME = '/usr/bin/time';

const storeName = (index) => `store${index + 1}`;

/** One zone, `example`, with every store's mail set-up: SPF with one include, DMARC, a DKIM key, MX. */
const zoneOf = (stores) => {
  const lines = ['$ORIGIN example.', '$TTL 300', '@ SOA ns1 hostmaster ( 1 3600 600 604800 300 )', '  NS ns1', 'ns1 A 127.0.0.1'];
  for (let index = 0; index < stores; index++) {
    const d = storeName(index);
    lines.push(`${d} TXT "v=spf1 include:_spf.${d}.example -all"`, `_spf.${d} TXT "v=spf1 ip4:192.0.2.${index % 250} -all"`);
    lines.push(`${d} MX 10 mx.${d}`, `mx.${d} A 192.0.2.1`);
    lines.push(`_dmarc.${d} TXT "v=DMARC1; p=reject; rua=mailto:dmarc@${d}.example"`);
    lines.push(`s1._domainkey.${d} TXT "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="`);
  }
  return lines.join('\n');
};

/** A store profile an agency would keep: email-auth for its domain, ip-warmup for one dedicated IP. */
const profileOf = (index) => {
  const d = storeName(index);
  const plan = Array.from({ length: 40 }, (_, day) => Math.round(500 * 1.15 ** day));
  return [
    'version: 1',
    `store: { name: Store ${index + 1}, timezone: America/New_York }`,
    'peak: { name: Black Friday 2026, start: 2026-11-27, end: 2026-11-30 }',
    'checks:',
    '  email-auth:',
    `    domains: [{ from: ${d}.example, dkim: [{ selector: s1 }] }]`,
    '  ip-warmup:',
    '    peakDailyVolume: 100000',
    `    ips: [{ address: 198.51.100.${index % 250}, start: 2026-09-01, plan: [${plan.join(', ')}] }]`,
    '',
  ].join('\n');
};

/** Peak RSS of a child from `/usr/bin/time -v`, in kB: the kernel's high-water mark, not a sample. */
const maxRssKb = (stderr) => Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? NaN);

const runAudit = (args) =>
  new Promise((resolve, reject) => {
    const child = spawn(TIME, ['-v', process.execPath, BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stderr }));
  });

/** A store whose DNS could not be asked measures nothing: the index must show every store judged, nothing left unchecked. */
const expectJudged = async (out) => {
  const { stores } = JSON.parse(await readFile(path.join(out, 'index.json'), 'utf8'));
  const unjudged = stores.filter((entry) => !entry.judged || entry.couldNotCheck > 0 || entry.checks.filter((check) => check.light !== 'skipped').length !== 2);
  if (stores.length !== STORES || unjudged.length > 0) throw new Error(`${unjudged.length} of ${stores.length} stores not judged: ${JSON.stringify(unjudged[0])}`);
};

/**
 * `q4check audit` of STORES generated profiles in one process, as an agency runs it, against the DNS
 * simulator answering every question after LATENCY_MS: the CLI's wall time and peak memory against the aims.
 */
export const manyStores = async () => {
  if (!existsSync(TIME)) throw new Error(`${TIME} not found: it measures the CLI's peak memory`);
  const dir = await mkdtemp(path.join(tmpdir(), 'q4check-many-'));
  const server = await startZoneServer(zoneOf(STORES), 'example', LATENCY_MS);
  try {
    const profiles = path.join(dir, 'profiles');
    const out = path.join(dir, 'reports');
    await mkdir(profiles);
    const files = await Promise.all(
      Array.from({ length: STORES }, async (_, index) => {
        const file = path.join(profiles, `${storeName(index)}.yaml`);
        await writeFile(file, profileOf(index));
        return file;
      }),
    );
    const args = ['audit', ...files, '--today', '2026-11-20', '--resolver', `127.0.0.1:${server.port}`, '--quiet', '--format', 'json', '--out', `${out}/`];
    const started = performance.now();
    const { code, stderr } = await runAudit(args);
    const wallMs = performance.now() - started;
    const written = (await readdir(out)).filter((name) => name.endsWith('.json') && name !== 'index.json').length;
    if (code !== 0 && code !== 1) throw new Error(`q4check audit exited ${code}: ${stderr.slice(0, 500)}`);
    if (written !== STORES) throw new Error(`q4check audit wrote ${written} reports for ${STORES} stores`);
    await expectJudged(out);
    const rssMb = maxRssKb(stderr) / 1024;
    return [
      {
        name: `audit ${STORES} stores (email-auth, ip-warmup), ${LATENCY_MS} ms DNS: wall time vs 60 s`,
        detail: `${(wallMs / 1000).toFixed(1)} s, ${written} reports written`,
        ratio: wallMs / TARGET_WALL_MS,
        target: 1,
      },
      {
        name: `audit ${STORES} stores: peak memory vs 300 MB`,
        detail: `${rssMb.toFixed(0)} MB peak RSS`,
        ratio: rssMb / TARGET_RSS_MB,
        target: 1,
      },
    ];
  } finally {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const result of await manyStores()) console.log(`${result.name}: ${result.ratio.toFixed(2)}× — ${result.detail}`);
}
