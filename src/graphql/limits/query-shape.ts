import {
  type DirectiveNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  getArgumentValues,
  getDirectiveValues,
  getNamedType,
  isAbstractType,
  isInterfaceType,
  isObjectType,
} from 'graphql';

/** What an operation would cost to run, measured from the document alone. */
export interface QueryShape {
  /** Fields on the longest path from the root, the leaf included: `{ viewer { id } }` is 2. */
  depth: number;
  aliases: number;
  directives: number;
  /** 1 per object field; a connection costs 1 + its page size × the cost of what it selects. */
  cost: number;
  /** Connections asked for without a valid `first`/`last`. */
  pageProblems: PageProblem[];
}

export interface PageProblem {
  /** The connection's response path, fragments shown as `...Name`. */
  path: string;
  argument: 'first' | 'last';
  message: string;
}

interface Measure {
  depth: number;
  aliases: number;
  directives: number;
  cost: number;
}

const NOTHING: Measure = { depth: 0, aliases: 0, directives: 0, cost: 0 };

/** A Relay connection: a field with `first` whose type has `edges` and `pageInfo`. */
export function isConnectionField(field: GraphQLField<unknown, unknown>): boolean {
  const type = getNamedType(field.type);
  if (!isObjectType(type)) return false;
  const fields = type.getFields();
  return 'edges' in fields && 'pageInfo' in fields && field.args.some((argument) => argument.name === 'first');
}

/**
 * The cost of one connection page: `1 + size × itemCost`. Exported so the model can be read and
 * tested apart from document walking.
 */
export function connectionCost(pageSize: number, selectionCost: number): number {
  return 1 + pageSize * selectionCost;
}

/**
 * Measures depth, aliases, directives and cost of the operation in one walk, expanding fragments
 * once each (memoised by name): a short document of fragments that spread each other twice would
 * otherwise take exponential time to measure, the very attack the limits exist for. Fields under
 * `@skip(if: true)`/`@include(if: false)` are left out. Introspection (`__schema`, `__type`) counts
 * as one field: it reads the in-memory schema, never the database.
 *
 * Runs after validation, so fragments exist, do not cycle, and fields exist on their types.
 */
export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  maxPageSize: number,
): QueryShape {
  const pageProblems: PageProblem[] = [];
  const fragmentMeasures = new Map<string, Measure>();
  const inProgress = new Set<string>();

  const included = (node: { readonly directives?: readonly DirectiveNode[] }): boolean =>
    getDirectiveValues(GraphQLSkipDirective, node, variables)?.if !== true &&
    getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;

  const pageSizeOf = (field: GraphQLField<unknown, unknown>, node: FieldNode, path: string): number => {
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(field, node, variables);
    } catch {
      // Invalid argument values fail at execution, before any resolver; count the largest page.
      return maxPageSize;
    }
    const first = args.first as number | null | undefined;
    const last = args.last as number | null | undefined;
    const problem = (argument: 'first' | 'last', message: string) => {
      pageProblems.push({ path, argument, message });
      return maxPageSize;
    };
    if (first != null && last != null) return problem('last', `Give \`first\` or \`last\` on \`${path}\`, not both.`);
    const size = first ?? last;
    const argument = first != null ? 'first' : 'last';
    if (size == null) return problem('first', `\`${path}\` needs \`first\` or \`last\` (1 to ${maxPageSize}).`);
    if (!Number.isInteger(size) || size < 1 || size > maxPageSize) {
      return problem(argument, `\`${argument}\` on \`${path}\` must be between 1 and ${maxPageSize}; got ${size}.`);
    }
    return size;
  };

  const fragmentMeasure = (name: string): Measure => {
    const known = fragmentMeasures.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    const type = fragment && schema.getType(fragment.typeCondition.name.value);
    if (!fragment || !type || inProgress.has(name)) return NOTHING;
    inProgress.add(name);
    const measure = measureSelections(fragment.selectionSet, type, `...${name}`);
    inProgress.delete(name);
    const withOwnDirectives = { ...measure, directives: measure.directives + (fragment.directives?.length ?? 0) };
    fragmentMeasures.set(name, withOwnDirectives);
    return withOwnDirectives;
  };

  const fieldDefinition = (parent: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined => {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
    return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
  };

  function measureField(node: FieldNode, parent: GraphQLNamedType, parentPath: string): Measure {
    const responseName = node.alias?.value ?? node.name.value;
    const path = parentPath ? `${parentPath}.${responseName}` : responseName;
    const own = { aliases: node.alias ? 1 : 0, directives: node.directives?.length ?? 0 };
    const field = fieldDefinition(parent, node.name.value);
    if (!field || !node.selectionSet) return { depth: 1, ...own, cost: 0 };
    const child = measureSelections(node.selectionSet, getNamedType(field.type), path);
    if (field === SchemaMetaFieldDef || field === TypeMetaFieldDef) {
      return { depth: 1, aliases: own.aliases + child.aliases, directives: own.directives + child.directives, cost: 1 };
    }
    const cost = isConnectionField(field)
      ? connectionCost(pageSizeOf(field, node, path), child.cost)
      : 1 + child.cost;
    return { depth: 1 + child.depth, aliases: own.aliases + child.aliases, directives: own.directives + child.directives, cost };
  }

  function measureSelections(selectionSet: SelectionSetNode, type: GraphQLNamedType, path: string): Measure {
    let depth = 0;
    let aliases = 0;
    let directives = 0;
    let fieldCost = 0;
    // Fragments on the same type condition add up. Those on abstract types or on this very type
    // always apply; those on other concrete types are alternatives, of which at most one applies
    // to any one object, so the dearest stands for them all: an upper bound, never an undercount.
    const costByCondition = new Map<string, number>();
    const addFragment = (condition: string | undefined, measure: Measure) => {
      depth = Math.max(depth, measure.depth);
      aliases += measure.aliases;
      directives += measure.directives;
      const key = condition ?? type.name;
      costByCondition.set(key, (costByCondition.get(key) ?? 0) + measure.cost);
    };
    for (const selection of selectionSet.selections) {
      if (!included(selection)) continue;
      const ownDirectives = selection.directives?.length ?? 0;
      if (selection.kind === Kind.FIELD) {
        const measure = measureField(selection, type, path);
        depth = Math.max(depth, measure.depth);
        aliases += measure.aliases;
        directives += measure.directives;
        fieldCost += measure.cost;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition?.name.value;
        const conditionType = condition ? schema.getType(condition) : type;
        if (!conditionType) continue;
        const measure = measureSelections(selection.selectionSet, conditionType, path);
        addFragment(condition, { ...measure, directives: measure.directives + ownDirectives });
      } else {
        const fragment = fragments.get(selection.name.value);
        const measure = fragmentMeasure(selection.name.value);
        addFragment(fragment?.typeCondition.name.value, { ...measure, directives: measure.directives + ownDirectives });
      }
    }
    let alwaysCost = 0;
    let alternativeCost = 0;
    for (const [condition, cost] of costByCondition) {
      const conditionType = schema.getType(condition);
      if (condition === type.name || !conditionType || isAbstractType(conditionType)) alwaysCost += cost;
      else alternativeCost = Math.max(alternativeCost, cost);
    }
    return { depth, aliases, directives, cost: fieldCost + alwaysCost + alternativeCost };
  }

  const root = schema.getRootType(operation.operation);
  if (!root) return { ...NOTHING, pageProblems };
  const measure = measureSelections(operation.selectionSet, root, '');
  return { ...measure, directives: measure.directives + (operation.directives?.length ?? 0), pageProblems };
}

/** The document's fragments by name. */
export function fragmentsOf(definitions: readonly { kind: Kind }[]): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      const fragment = definition as FragmentDefinitionNode;
      fragments.set(fragment.name.value, fragment);
    }
  }
  return fragments;
}
