// `npm run build`: src/ and seeds/ to dist/ with swc, one file at a time, skipping every file whose
// output is newer than its source, so a start with nothing changed compiles nothing. Types are
// checked by `npm run typecheck` (tsc), not here: a start should not wait for the whole program to
// be checked. swc, like the test runner, emits the decorator metadata type-graphql reads.
import { transformFile } from '@swc/core';
import { mkdir, readdir, stat, writeFile, copyFile } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'dist');

/** @type {import('@swc/core').Options} */
const options = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2023',
    keepClassNames: true,
  },
  module: { type: 'es6' },
  sourceMaps: true,
};

async function* sources(folder) {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) yield* sources(full);
    else if (entry.name.endsWith('.sql') || (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.d.ts'))) yield full;
  }
}

async function modifiedAt(file) {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return -1;
  }
}

let compiled = 0;
const work = [];
for (const folder of ['src', 'seeds']) {
  for await (const source of sources(path.join(root, folder))) {
    const relative = path.relative(root, source);
    const target = path.join(out, relative.endsWith('.ts') ? relative.replace(/\.ts$/, '.js') : relative);
    work.push(
      (async () => {
        if ((await modifiedAt(target)) >= (await modifiedAt(source))) return;
        await mkdir(path.dirname(target), { recursive: true });
        if (source.endsWith('.sql')) {
          await copyFile(source, target);
          return;
        }
        const { code, map } = await transformFile(source, { ...options, filename: source, sourceFileName: path.relative(path.dirname(target), source) });
        await writeFile(`${target}.map`, map ?? '');
        await writeFile(target, `${code}\n//# sourceMappingURL=${path.basename(target)}.map\n`);
        compiled += 1;
      })(),
    );
  }
}
await Promise.all(work);
if (compiled) process.stdout.write(`compiled ${compiled} files into dist/\n`);
