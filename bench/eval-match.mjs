import { spawnSync } from 'node:child_process';

// `npm run eval:match [-- --distractors N] [--seed S] [--min-ndcg X]`: runs bench/match-eval.ts through
// vitest (for swc's decorator metadata), passing the options in the environment.
const options = { '--distractors': 'EVAL_DISTRACTORS', '--seed': 'EVAL_SEED', '--min-ndcg': 'EVAL_MIN_NDCG' };
const environment = { ...process.env };
const args = process.argv.slice(2);
for (let index = 0; index < args.length; index++) {
  const [name, inline] = args[index].split('=');
  const variable = options[name];
  if (!variable) {
    process.stderr.write(`unknown option ${name}; use ${Object.keys(options).join(', ')}\n`);
    process.exit(2);
  }
  const value = inline ?? args[++index];
  if (value === undefined || !Number.isFinite(Number(value))) {
    process.stderr.write(`${name} needs a number\n`);
    process.exit(2);
  }
  environment[variable] = value;
}
const run = spawnSync('npx', ['vitest', 'run', '--config', 'bench/vitest.config.ts', 'bench/match-eval.ts'], { stdio: 'inherit', env: environment });
process.exit(run.status ?? 1);
