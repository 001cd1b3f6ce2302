import { SafeIntResolver } from 'graphql-scalars';
import { Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { ContentFormat, Platform } from '../common/enums.js';
import { CurrencyCode } from '../common/money.js';
import { ProblemCode, type ProblemCatalogue } from '../common/problems.js';

registerEnumType(CurrencyCode, { name: 'CurrencyCode', description: 'ISO 4217 currencies the marketplace settles in.' });
registerEnumType(Platform, { name: 'Platform', description: 'Platforms where creators publish and sell.' });
registerEnumType(ContentFormat, { name: 'ContentFormat', description: 'Forms of content or commerce a rate card prices.' });
/**
 * Why a mutation was refused. The values are every module's problem catalogue together
 * (`composeUserErrorCodes`, called by `createSchema`); the enum object is filled in before the
 * schema is built, since type-graphql reads it then.
 */
const UserErrorCode: Record<string, string> = {};
const userErrorCodeValues: Record<string, { description: string }> = {};
registerEnumType(UserErrorCode, {
  name: 'UserErrorCode',
  description: 'Why a mutation was refused; each code tells the client what to fix.',
  valuesConfig: userErrorCodeValues,
});

/** Makes `UserErrorCode` exactly the codes of `ProblemCode` and `catalogues`; a code declared twice is a bug. */
export function composeUserErrorCodes(catalogues: readonly ProblemCatalogue[]): void {
  for (const code of Object.keys(UserErrorCode)) {
    delete UserErrorCode[code];
    delete userErrorCodeValues[code];
  }
  for (const catalogue of [ProblemCode, ...catalogues]) {
    for (const [code, description] of Object.entries(catalogue.descriptions)) {
      const existing = userErrorCodeValues[code];
      if (existing) throw new Error(`Problem code ${code} is declared twice; one module owns each code.`);
      UserErrorCode[code] = code;
      userErrorCodeValues[code] = { description };
    }
  }
}

@ObjectType({ description: 'An amount of money in integer minor units (fen, cents) with its currency.' })
export class Money {
  @Field(() => SafeIntResolver, { description: 'Integer minor units: 12345 CNY means ¥123.45.' })
  amount!: number;

  @Field(() => CurrencyCode, { description: 'ISO 4217 currency code.' })
  currency!: CurrencyCode;
}

@InputType({ description: 'An amount of money in integer minor units with its currency.' })
export class MoneyInput {
  @Field(() => SafeIntResolver, { description: 'Integer minor units, at least 0.' })
  amount!: number;

  @Field(() => CurrencyCode, { description: 'ISO 4217 currency code.' })
  currency!: CurrencyCode;
}

@ObjectType({ description: 'Something the user can fix, with the input field at fault.' })
export class UserError {
  @Field(() => UserErrorCode, { description: 'Machine-readable reason.' })
  code!: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Path to the input field at fault, e.g. ["input", "followers"]; list positions are given as numbers in text.',
  })
  field!: string[] | null;

  @Field({ description: 'Human-readable explanation, in English.' })
  message!: string;
}

@ObjectType({ description: 'Relay page information.' })
export class PageInfo {
  @Field({ description: 'Whether more items follow this page.' })
  hasNextPage!: boolean;

  @Field({ description: 'Whether items precede this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item on this page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item on this page.' })
  endCursor!: string | null;
}

