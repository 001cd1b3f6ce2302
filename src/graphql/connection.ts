import { ArgsType, type ClassType, Field, Int, ObjectType } from 'type-graphql';
import type { PageOfItems, PageRequest } from '../common/page.js';
import { PageInfo } from './common-types.js';
import { badUserInput } from './errors.js';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: `Items after \`after\`, 1 to ${MAX_PAGE_SIZE}. Every connection needs \`first\` or \`last\`.` })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the item to start after.' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: `Items before \`before\`, 1 to ${MAX_PAGE_SIZE}.` })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the item to end before.' })
  before?: string | null;
}

export type { PageRequest };

function checkSize(value: number, argument: string): number {
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE) {
    throw badUserInput(`\`${argument}\` must be between 1 and ${MAX_PAGE_SIZE}; got ${value}.`, argument);
  }
  return value;
}

/** Validated page arguments: forward by default, backward when only `last` is given. */
export function pageRequest(args: PageArgs): PageRequest {
  if (args.first != null && args.last != null) throw badUserInput('Give `first` or `last`, not both.', 'last');
  if (args.last != null) {
    return { last: checkSize(args.last, 'last'), ...(args.before ? { before: args.before } : {}) };
  }
  return {
    first: checkSize(args.first ?? DEFAULT_PAGE_SIZE, 'first'),
    ...(args.after ? { after: args.after } : {}),
  };
}

/** A malformed cursor is the client's mistake, not a server fault. */
export async function withCursorCheck<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof Error && /cursor/i.test(error.message)) {
      throw badUserInput('`after` or `before` is not a cursor from this list.', 'after');
    }
    throw error;
  }
}

export interface ConnectionShape<TNode> {
  edges: { node: TNode; cursor: string }[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * A page in Relay's shape. Cursors are encoded when a query reads them: a brand's 20 briefs with
 * 10 bids each, read without cursors, spent a twentieth of its CPU encoding 220 of them.
 */
export function toConnection<TNode extends object>(cursor: PageOfItems<TNode>): ConnectionShape<TNode> {
  return {
    edges: cursor.items.map((node) => ({
      node: node as TNode,
      get cursor() {
        return cursor.from(node);
      },
    })),
    pageInfo: {
      hasNextPage: cursor.hasNextPage,
      hasPreviousPage: cursor.hasPrevPage,
      get startCursor() {
        return cursor.startCursor;
      },
      get endCursor() {
        return cursor.endCursor;
      },
    },
    totalCount: cursor.totalCount,
  };
}

/** `XConnection` and `XEdge` types for a node type, in Relay's shape. */
export function connectionType<TNode extends object>(nodeType: ClassType<TNode>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with its cursor.` })
  class Edge {
    @Field(() => nodeType, { description: `The ${name}.` })
    node!: TNode;

    @Field({ description: 'Opaque cursor for pagination.' })
    cursor!: string;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${name} items.` })
  class Connection implements ConnectionShape<TNode> {
    @Field(() => [Edge], { description: 'The items on this page.' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Where this page sits in the whole list.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items the whole list holds.' })
    totalCount!: number;
  }

  return Connection;
}
