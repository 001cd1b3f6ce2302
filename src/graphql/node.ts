import { Field, ID, InterfaceType } from 'type-graphql';
import type { RequestContext } from './context.js';
import { toGlobalId } from './global-id.js';

/**
 * One entry per type reachable through `node(id:)`: how to load it and who may see it. The
 * check is the same one the type's own queries use, so `node` never reveals more.
 */
export interface NodeDefinition<TEntity extends object = object> {
  typeName: string;
  entity: abstract new (...args: never[]) => TEntity;
  /** Anyone may fetch it and `load` reads nothing of the viewer, so `node(id:)` need not read the viewer's memberships. */
  public?: boolean;
  load(context: RequestContext, id: string): Promise<TEntity | null>;
}

const definitions = new Map<string, NodeDefinition>();

export function defineNode<TEntity extends object>(definition: NodeDefinition<TEntity>): void {
  definitions.set(definition.typeName, definition as unknown as NodeDefinition);
}

export function nodeDefinition(typeName: string): NodeDefinition | undefined {
  return definitions.get(typeName);
}

export function nodeTypeNameOf(value: object): string | undefined {
  for (const definition of definitions.values()) {
    if (value instanceof definition.entity) return definition.typeName;
  }
  return undefined;
}

@InterfaceType('Node', {
  description: 'An object with a globally unique, opaque id that `node(id:)` can fetch.',
  resolveType: (value: object) => nodeTypeNameOf(value),
})
export abstract class Node {
  @Field(() => ID, { description: 'Opaque global id.' })
  id!: string;
}

/** The global id of an entity that is a registered node. */
export function globalIdOf(value: { id: string }): string {
  const typeName = nodeTypeNameOf(value);
  if (!typeName) throw new Error(`${value.constructor.name} is not a registered node type`);
  return toGlobalId(typeName, value.id);
}
