import { Command, CommanderError, Option } from 'commander';
import { reportFailure } from './failure.js';
import { FORMATS } from './formats.js';
import { toolVersion } from './version.js';

const FAIL_ON = ['critical', 'high', 'medium', 'low'];

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Where reports go: what `audit`, `demo` and `report` share. */
const withOutputOptions = (command: Command): Command =>
  command
    .addOption(new Option('--format <format>', 'output format; repeat for several, each followed by its --out').choices(FORMATS).argParser(collect))
    .option('--out <file>', 'write the preceding --format to this file (a folder for several profiles)', collect)
    .option('--no-color', 'plain output without colour (NO_COLOR is honoured too)');

/** The options `audit` and `demo` share: the demo is an audit of the embedded store. */
const withAuditOptions = (command: Command): Command =>
  withOutputOptions(command)
    .addOption(new Option('--fail-on <severity>', 'lowest severity whose failures fail the run').choices(FAIL_ON).default('high'))
    .option('--only <check>', 'run only this check (repeatable)', collect, [])
    .option('--skip <check>', 'do not run this check (repeatable)', collect, [])
    .option('--today <YYYY-MM-DD>', 'the date every date rule uses (default: today in the store time zone)')
    .option('--set <field=value>', 'override a profile field, e.g. checks.sms-routing.webhook=https://… (repeatable)', collect, [])
    .option('--resolver <host[:port]>', 'DNS resolver to ask (repeatable); overrides the profile and the system', collect, [])
    .option('--timeout <seconds>', 'time limit for each check, overriding its own')
    .option('--save-artifacts <dir>', 'save what each check gathered, to judge again offline')
    .option('--from-artifacts <dir>', 'judge saved artifacts instead of gathering (no network)')
    .option('--baseline <file>', 'an earlier JSON report or baseline: failures already in it are skipped (reason baseline); only new ones fail')
    .option('--concurrency <n>', 'how many stores to audit at once (default: 4 per core)')
    .option('--shard <i/n>', "audit only the i-th of n shares of the profiles (by file name), for a CI matrix")
    .option('--update-baseline', 'write the failures of this run to the --baseline file, sorted')
    .option('--allow-production', 'let checkout-load target a host that may serve real shoppers (it still needs authorization and allowedHosts)')
    .option('--load-results <file>', "judge checkout-load from a k6 summary (k6 run --summary-export) of the script `journey export --k6` wrote, instead of running the load")
    .option('--dry-run', 'print what checkout-load would send (rates per stage and journey, requests, duration) and send nothing')
    .option('--quiet', 'no progress and no passing findings in the terminal report')
    .option('--debug', 'on stderr: each DNS exchange and webhook request (never a secret), and stack traces for internal errors');

export const buildProgram = (argv: readonly string[]): Command => {
  const program = new Command('q4check')
    .description('Peak-season readiness audit for an online store: email authentication, IP warm-up, SMS and checkout load.')
    .version(toolVersion(), '-V, --version')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeErr: () => undefined, outputError: () => undefined });

  withAuditOptions(program.command('audit').description('audit one or more store profiles').argument('<profiles...>', 'store profile YAML files')).action(
    async (profiles: string[], options: Record<string, unknown>) => (await import('./commands/audit.js')).auditCommand(profiles, options, argv),
  );
  withAuditOptions(program.command('demo').description('start loopback simulators and audit the embedded demo store')).action(
    async (options: Record<string, unknown>) => (await import('./commands/demo.js')).demoCommand(options, argv),
  );
  withOutputOptions(program.command('report').description('render saved JSON reports again in other formats, with no network').argument('<reports...>', 'JSON reports written by audit --format json'))
    .option('--quiet', 'no passing findings in the terminal report')
    .action(async (reports: string[], options: Record<string, unknown>) => (await import('./commands/report.js')).reportCommand(reports, options, argv));
  program
    .command('checks')
    .description('list every check and rule: id, default severity, title and why')
    .option('--format <format>', 'text or json', 'text')
    .action(async (options: { format: string }) => (await import('./commands/checks.js')).checksCommand(options));
  program
    .command('schema')
    .description("print the profile's JSON Schema (for editor completion)")
    .action(async () => (await import('./commands/schema.js')).schemaCommand());
  program
    .command('init')
    .description('write a commented starter profile')
    .argument('[file]', 'where to write it', 'store.yaml')
    .option('--force', 'overwrite an existing file')
    .option('--today <YYYY-MM-DD>', 'the day its dates follow: the coming Black Friday weekend and a warm-up ahead of it (default: today)')
    .action(async (file: string, options: { force?: boolean; today?: string }) => (await import('./commands/init.js')).initCommand(file, options));
  const journey = program.command('journey').description('checkout journeys for the load check');
  journey
    .command('export')
    .description("write the profile's load test as a k6 script (ramping-arrival-rate per journey, the profile's thresholds), for loads beyond one machine")
    .argument('<profile>', 'a store profile with a checks.checkout-load section')
    .option('--k6', 'a k6 script (the only export so far)')
    .option('--out <file>', 'write the script here instead of stdout')
    .option('--allow-production', 'the target may serve real shoppers (it still needs authorization and allowedHosts)')
    .action(async (file: string, options: { k6?: boolean; out?: string; allowProduction?: boolean }) => (await import('./commands/journey-export.js')).journeyExportCommand(file, options));
  journey
    .command('import')
    .description('turn a browser recording (HAR) into a journey file: live captures, no cookies, secrets or personal data')
    .argument('<recording>', 'a HAR saved from the browser (Network tab, "Save all as HAR") or Playwright')
    .option('--out <file>', 'write the journey YAML here instead of stdout')
    .option('--origin <url>', "the store's origin (default: that of the first page loaded)")
    .option('--name <name>', 'the journey name (default: from --out or the recording)')
    .action(async (file: string, options: { out?: string; origin?: string; name?: string }) => (await import('./commands/journey-import.js')).journeyImportCommand(file, options));
  return program;
};

export const main = async (argv: string[]): Promise<void> => {
  const program = buildProgram(argv);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError && (error.code === 'commander.helpDisplayed' || error.code === 'commander.version')) return;
    reportFailure(error, argv.includes('--debug'));
  }
};
