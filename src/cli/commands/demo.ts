import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemoWorld } from '../../simulators/demo-world.js';
import { parseAuditOptions } from '../audit-options.js';
import { writeStderr } from '../session.js';
import { runAuditCommand } from './audit.js';

/** The demo store lives in the 2026 season, so its report reads the same on any day; --today moves it. */
export const DEMO_TODAY = '2026-11-20';

/** The demo store's webhook: mostly right, with two mistakes real stores make. */
const DEMO_WEBHOOK_FAULTS = {
  doubleConfirmation: true,
  // 15 ms a reply is fine for a shopper's keywords (a few at a time), but a 400/s flash-sale burst keeps
  // more than 4 in flight, and from then on each waits 2.5 s more: the store falls behind.
  latencyMs: 15,
  slowUnderBurst: { afterConcurrent: 4, delayMs: 2_500 },
};

/**
 * The demo storefront: fast, but a discount app re-keys cart lines on every read (a change by the key
 * just read fails), and the wallet's thank-you page loses a third of its purchase events.
 */
const DEMO_STORE_FAULTS = { lineKeyChurn: true, eventLoss: { via: 'shop-pay' as const, share: 1 / 3 } };

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

const demoProfile = (): string =>
  path.relative(process.cwd(), path.join(ROOT, 'fixtures/profiles/demo-store.yaml')) || 'demo-store.yaml';

const stripUndefined = (raw: Record<string, unknown>) => Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined));

/** Starts the loopback simulators and audits the embedded demo store against them; nothing else is touched. */
export const demoCommand = async (raw: Record<string, unknown>, argv: readonly string[]): Promise<void> => {
  const given = { today: DEMO_TODAY, ...stripUndefined(raw) };
  // A mistyped flag is a usage error before any simulator starts.
  parseAuditOptions(given, argv, process.env);
  const world = await startDemoWorld(ROOT, { webhook: DEMO_WEBHOOK_FAULTS, store: DEMO_STORE_FAULTS });
  try {
    // The fresh auth token reaches the profile as ${Q4CHECK_DEMO_AUTH_TOKEN}.
    Object.assign(process.env, world.env);
    const set = [...((raw.set as string[] | undefined) ?? []), ...world.overrides];
    const options = parseAuditOptions({ ...given, resolver: [world.dnsAddress], set }, argv, process.env);
    await runAuditCommand([demoProfile()], options);
  } finally {
    await world.stop();
  }
  // The demo store fails on purpose; the demo itself succeeded if it could judge the store.
  if (process.exitCode === 1) {
    process.exitCode = 0;
    writeStderr('The demo store has mistakes on purpose: `q4check audit` on it exits 1; `q4check demo` exits 0 once it has judged it.\n');
  }
};
