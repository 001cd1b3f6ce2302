import 'reflect-metadata';
import { mkdir, writeFile } from 'node:fs/promises';
import { buildApplicationSchema } from '../app/schema.js';
import { printSortedSchema } from '../graphql/schema.js';

// `npm run schema`: writes the SDL that clients and code generators read, committed in schema/.
const target = new URL('../../../schema/schema.graphql', import.meta.url);
await mkdir(new URL('.', target), { recursive: true });
await writeFile(target, printSortedSchema(await buildApplicationSchema()));
process.stdout.write(`wrote ${target.pathname}\n`);
