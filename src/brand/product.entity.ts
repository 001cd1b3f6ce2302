import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { Vertical } from '../vertical/vertical.entity.js';
import { Brand } from './brand.entity.js';

const ProductSchema = defineEntity({
  name: 'Product',
  indexes: [{ properties: ['nicheTags'], type: 'gin' }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    brand: () => p.manyToOne(Brand).ref().index(),
    name: p.string().length(160),
    description: p.text().default(''),
    vertical: () => p.manyToOne(Vertical).ref().index(),
    nicheTags: p.array().default([]),
    /** Credential types the product's claims require of whoever promotes it (CredentialType). */
    requiredCredentials: p.array().default([]),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export class Product extends ProductSchema.class {}
ProductSchema.setClass(Product);
