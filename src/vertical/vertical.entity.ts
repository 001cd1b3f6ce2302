import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';

const VerticalSchema = defineEntity({
  name: 'Vertical',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    /** Stable identifier used in filters and stored on creators, e.g. `beauty.functional-skincare`. */
    slug: p.string().length(80).unique(),
    name: p.string().length(120),
    description: p.text().default(''),
    /** Null for a top-level vertical; the taxonomy has two levels. */
    parent: () => p.manyToOne(Vertical).ref().nullable(),
    children: () => p.oneToMany(Vertical).mappedBy('parent').orderBy({ name: 'asc' }),
  },
});

export class Vertical extends VerticalSchema.class {}
VerticalSchema.setClass(Vertical);
