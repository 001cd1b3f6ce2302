import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DeliverableType } from '../bid/deliverable.types.js';
import { CurrencyCode } from '../common/money.js';
import { Money } from '../graphql/common-types.js';
import { Node } from '../graphql/node.js';
import { DealPartySide, DealSide } from './deal-sides.js';
import { DealStatus, FeePayment } from './deal.entity.js';

registerEnumType(DealStatus, {
  name: 'DealStatus',
  description: 'Where a deal stands.',
  valuesConfig: {
    ACTIVE: { description: 'The talent is working on it.' },
    DELIVERED: { description: 'Every deliverable was delivered; settlement is pending.' },
    SETTLED: { description: 'Paid out to the last cent.' },
    CANCELLED: { description: 'Called off before completion.' },
    DISPUTED: { description: 'A party raised a dispute that an admin resolves.' },
  },
});

registerEnumType(FeePayment, {
  name: 'FeePayment',
  description: 'When the fixed fee is released.',
  valuesConfig: {
    ON_APPROVAL: { description: 'Once the brand approves the content (market practice).' },
    ON_SETTLEMENT: { description: 'With the final settlement.' },
  },
});

registerEnumType(DealSide, {
  name: 'DealSide',
  description: 'A side of a deal.',
  valuesConfig: {
    BRAND: { description: 'The brand’s members: the side that pays.' },
    TALENT: { description: 'The creator or operator, and the members of the agency acting for them: the side that delivers.' },
  },
});

registerEnumType(DealPartySide, {
  name: 'DealPartySide',
  description: 'A party to a deal.',
  valuesConfig: {
    BRAND: { description: 'A member of the brand that pays.' },
    TALENT: { description: 'The creator or operator who does the work.' },
    AGENCY: { description: 'A member of the agency that represents the talent.' },
  },
});

/** An amount in minor units of a currency stored as text, as the API shows it. */
export const money = (amount: number, currency: string): Money => ({ amount, currency: currency as CurrencyCode });

@ObjectType('DealTerms', { description: 'One version of a deal’s terms; amendments write new versions.' })
export class DealTermsType {
  @Field(() => Int, { description: 'Version number, from 1 (the accepted bid’s terms).' })
  version!: number;

  @Field(() => CurrencyCode, { description: 'Currency of every amount.' })
  currency!: CurrencyCode;

  @Field(() => Money, { description: 'Fixed (slot) fee.' })
  fixedFee!: Money;

  @Field(() => Int, { description: 'Commission on net GMV, in basis points.' })
  commissionBp!: number;

  @Field(() => Money, { nullable: true, description: 'Net GMV guaranteed; if missed, the fixed fee is refunded pro rata. Null for none.' })
  gmvGuarantee!: Money | null;

  @Field(() => Int, { description: 'Refunds within this many days of an order reduce net GMV.' })
  refundWindowDays!: number;

  @Field(() => Int, { description: 'The agency’s share of the talent’s earnings, in basis points; 0 without an agency.' })
  agencyShareBp!: number;

  @Field(() => Int, { description: 'The marketplace’s fee, in basis points.' })
  platformFeeBp!: number;

  @Field(() => [DeliverableType], { description: 'What the talent delivers, and when.' })
  deliverables!: DeliverableType[];

  @Field(() => Int, { description: 'Days the talent may not promote competing products.' })
  exclusivityDays!: number;

  @Field(() => Int, { description: 'Days the brand may reuse the content.' })
  usageRightsDays!: number;

  @Field(() => FeePayment, { description: 'When the fixed fee is released.' })
  feePayment!: FeePayment;

  @Field({ description: 'When this version was written.' })
  createdAt!: Date;
}

@ObjectType('Deal', {
  implements: Node,
  description:
    'An accepted bid: the brand, the talent, the agency if any, and versioned terms. Visible to the brand’s members, the talent, the agency’s members and admins; to anyone else it does not exist.',
})
export class DealType extends Node {
  @Field(() => DealStatus, { description: 'Where the deal stands.' })
  status!: DealStatus;

  @Field({ description: 'When the bid was accepted.' })
  createdAt!: Date;

  @Field({ description: 'When the deal last changed.' })
  updatedAt!: Date;

  @Field(() => Date, {
    nullable: true,
    description: 'When the fixed fee was released: set when the last deliverable is approved, if the terms pay the fee on approval; null until then.',
  })
  feeReleasedAt!: Date | null;
}
