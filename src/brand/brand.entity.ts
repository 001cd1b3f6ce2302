import { randomUUID } from 'node:crypto';
import { defineEntity, p } from '@mikro-orm/core';
import { User } from '../account/account.entity.js';

export const MemberRole = { OWNER: 'OWNER', MEMBER: 'MEMBER' } as const;
export type MemberRole = (typeof MemberRole)[keyof typeof MemberRole];

const BrandSchema = defineEntity({
  name: 'Brand',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    name: p.string().length(120),
    description: p.text().default(''),
    websiteUrl: p.string().length(500).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
    members: () => p.oneToMany(BrandMember).mappedBy('brand'),
  },
});
export class Brand extends BrandSchema.class {}
BrandSchema.setClass(Brand);

const BrandMemberSchema = defineEntity({
  name: 'BrandMember',
  uniques: [{ properties: ['brand', 'user'] }],
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    brand: () => p.manyToOne(Brand).ref().deleteRule('cascade'),
    user: () => p.manyToOne(User).ref().deleteRule('cascade').index(),
    role: p.enum(() => MemberRole),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export class BrandMember extends BrandMemberSchema.class {}
BrandMemberSchema.setClass(BrandMember);
