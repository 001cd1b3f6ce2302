// `npm run dev`: builds, starts the server, and on every change under src/ or seeds/ builds again
// and restarts it (a SIGTERM, so requests drain and the embedded database stops first). Tokens
// survive the restart: in development the signing secret is kept beside the embedded data.
import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const run = (args) => spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: { NODE_ENV: 'development', ...process.env } });
const exited = (child) => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve)));

let server = null;
let stopping = false;
let pending = null;

async function build() {
  const child = run([path.join(root, 'tools/build.mjs')]);
  await exited(child);
  return child.exitCode === 0;
}

async function restart() {
  if (server) {
    server.kill('SIGTERM');
    await exited(server);
    server = null;
  }
  if (stopping || !(await build())) return;
  server = run(['--enable-source-maps', '--import', './dist/src/observability/preload.js', 'dist/src/app/main.js']);
}

for (const folder of ['src', 'seeds']) {
  watch(path.join(root, folder), { recursive: true }, (_event, file) => {
    if (!file || file.endsWith('.test.ts') || stopping) return;
    clearTimeout(pending);
    pending = setTimeout(() => {
      process.stdout.write(`\n${folder}/${file} changed: restarting\n`);
      void restart();
    }, 150);
  });
}

// Ctrl-C reaches the server too (one process group): wait for it to drain and stop, then leave.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    stopping = true;
    clearTimeout(pending);
    if (server) {
      if (signal === 'SIGTERM') server.kill('SIGTERM');
      await exited(server);
    }
    process.exit(server?.exitCode ?? 0);
  });
}

await restart();
