import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildApplicationSchema } from '../src/app/schema.js';
import { printSortedSchema } from '../src/graphql/schema.js';

describe('the committed schema', () => {
  it('is exactly what the code generates (run `npm run schema` after changing the API)', async () => {
    const committed = await readFile(new URL('../schema/schema.graphql', import.meta.url), 'utf8');
    expect(printSortedSchema(await buildApplicationSchema())).toBe(committed);
  });

  it('describes every type and field', async () => {
    const schema = await buildApplicationSchema();
    const undescribed: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      if (!type.description) undescribed.push(type.name);
      if ('getFields' in type) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) undescribed.push(`${type.name}.${field.name}`);
          for (const argument of 'args' in field ? field.args : []) {
            if (!argument.description) undescribed.push(`${type.name}.${field.name}(${argument.name})`);
          }
        }
      }
    }
    expect(undescribed).toEqual([]);
  });
});
