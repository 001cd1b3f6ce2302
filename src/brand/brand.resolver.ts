import type { Cursor } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { UserType } from '../account/account.types.js';
import type { User } from '../account/account.entity.js';
import { pageFromEnd, pageFromEndKey } from '../db/first-pages.js';
import { PageArgs, pageRequest, toConnection, withCursorCheck } from '../graphql/connection.js';
import { type RequestContext, loader } from '../graphql/context.js';
import { idOfType } from '../graphql/global-id.js';
import { mutate } from '../graphql/mutation.js';
import { defineNode } from '../graphql/node.js';
import type { OrganisationInvitation } from '../organisation/organisation.entity.js';
import { MemberInviteInput } from '../organisation/organisation.inputs.js';
import { OrganisationInvitationPayload, OrganisationInvitationType } from '../organisation/organisation.types.js';
import { Brand, BrandMember } from './brand.entity.js';
import { BrandCreateInput, BrandUpdateInput } from './brand.inputs.js';
import { BrandConnection, BrandMemberType, BrandPayload, BrandType } from './brand.types.js';
import { ProductConnection } from './product.types.js';
import type { Product } from './product.entity.js';

defineNode({
  typeName: 'Brand',
  entity: Brand,
  load: ({ em }, id) => em.findOne(Brand, id),
});

@Resolver(() => BrandType)
export class BrandResolver {
  @Query(() => BrandConnection, { description: 'Brands by name. Public.' })
  async brands(
    @Arg('search', () => String, { nullable: true, description: 'Only brands whose name contains this text, ignoring case.' }) search: string | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() { em, services }: RequestContext,
  ) {
    return toConnection(await withCursorCheck(() => services.brands.list(em, search, pageRequest(page))));
  }

  @FieldResolver(() => ProductConnection, {
    description:
      'The brand’s products, newest first. A page from either end (`first` or `last` without a cursor) is read for all brands in the response at once; `after`/`before` page on through this one brand.',
  })
  async products(@Root() brand: Brand, @Args(() => PageArgs) args: PageArgs, @Ctx() context: RequestContext) {
    const page = pageRequest(args);
    const fromEnd = pageFromEnd(page);
    if (fromEnd) {
      const pages = loader(
        context,
        `brand.products:${pageFromEndKey(fromEnd)}`,
        ({ em, services }) => new DataLoader<string, Cursor<Product>>((ids) => services.products.firstPagesOfBrands(em, ids, fromEnd)),
      );
      return toConnection(await pages.load(brand.id));
    }
    return toConnection(await withCursorCheck(() => context.services.products.pageOfBrand(context.em, brand.id, page)));
  }

  @FieldResolver(() => [BrandMemberType], {
    nullable: true,
    description: 'The people acting for the brand, longest-standing first. Only the brand’s members and admins see them; null for anyone else.',
  })
  members(@Root() brand: Brand, @Ctx() { em, viewer, services }: RequestContext): Promise<BrandMember[] | null> {
    return services.brands.membership.visibleMembers({ em, viewer }, brand);
  }

  @FieldResolver(() => [OrganisationInvitationType], {
    nullable: true,
    description: 'Invitations to join the brand that await an answer, newest first. Only the brand’s members see them; null for anyone else.',
  })
  async memberInvitations(@Root() brand: Brand, @Ctx() context: RequestContext): Promise<OrganisationInvitation[] | null> {
    if (!(await context.services.brands.membership.viewerIsMember(context, brand))) return null;
    const invitations = loader(
      context,
      'brand.memberInvitations',
      ({ em, services }) => new DataLoader<string, OrganisationInvitation[]>((ids) => services.organisationInvitations.openInvitationsOf(em, 'brand', ids)),
    );
    return invitations.load(brand.id);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the signed-in user is a member of the brand; false for anonymous callers.' })
  viewerIsMember(@Root() brand: Brand, @Ctx() { em, viewer, services }: RequestContext): Promise<boolean> {
    return services.brands.membership.viewerIsMember({ em, viewer }, brand);
  }

  @Authorized()
  @Mutation(() => BrandPayload, { description: 'Creates a brand with the caller as its first owner. Any signed-in user.' })
  brandCreate(@Arg('input', () => BrandCreateInput, { description: 'The new brand.' }) input: BrandCreateInput, @Ctx() context: RequestContext) {
    return mutate(context, (tx) => context.services.brands.create(tx, input));
  }

  @Authorized()
  @Mutation(() => BrandPayload, { description: 'Changes the brand’s public profile. Members of the brand only.' })
  brandUpdate(
    @Arg('id', () => ID, { description: 'The brand to change.' }) id: string,
    @Arg('input', () => BrandUpdateInput, { description: 'The changes.' }) input: BrandUpdateInput,
    @Ctx() context: RequestContext,
  ) {
    return mutate(context, (tx) => context.services.brands.update(tx, idOfType(id, 'Brand'), input));
  }

  @Authorized()
  @Mutation(() => OrganisationInvitationPayload, {
    description:
      'Invites someone by email to act for the brand; they become a member only by accepting. The answer is the same whether or not the email has an account. Owners of the brand only; anyone else gets FORBIDDEN.',
  })
  brandMemberInvite(
    @Arg('brandId', () => ID, { description: 'The brand to invite to.' }) brandId: string,
    @Arg('input', () => MemberInviteInput, { description: 'Whom to invite, and as what.' }) input: MemberInviteInput,
    @Ctx() context: RequestContext,
  ) {
    return mutate(context, (tx) => context.services.organisationInvitations.invite(tx, 'brand', idOfType(brandId, 'Brand'), input));
  }

  @Authorized()
  @Mutation(() => BrandPayload, {
    description: 'Removes a member from the brand; the last owner cannot be removed (LAST_OWNER). Owners of the brand only; anyone else gets FORBIDDEN.',
  })
  brandMemberRemove(
    @Arg('brandId', () => ID, { description: 'The brand to remove from.' }) brandId: string,
    @Arg('userEmail', () => String, { description: 'Email of the member to remove.' }) userEmail: string,
    @Ctx() context: RequestContext,
  ) {
    return mutate(context, (tx) => context.services.brands.removeMember(tx, idOfType(brandId, 'Brand'), userEmail));
  }
}

@Resolver(() => BrandMemberType)
export class BrandMemberResolver {
  @FieldResolver(() => String, { description: 'Name the person shows to other users.' })
  async displayName(@Root() member: BrandMember): Promise<string> {
    return (await member.user.loadOrFail()).displayName;
  }

  @FieldResolver(() => Date, { description: 'When the person joined the brand.' })
  joinedAt(@Root() member: BrandMember): Date {
    return member.createdAt;
  }
}

@Resolver(() => UserType)
export class UserBrandsResolver {
  @FieldResolver(() => [BrandType], { description: 'The brands this account acts for, by name.' })
  brands(@Root() user: User, @Ctx() context: RequestContext): Promise<Brand[]> {
    return loader(context, 'user.brands', ({ em, services }) => new DataLoader<string, Brand[]>((ids) => services.brands.membership.organisationsOfUsers(em, ids))).load(
      user.id,
    );
  }
}
