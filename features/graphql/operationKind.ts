import {
  Kind,
  parse,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql'

/** What an HTTP layer needs to know of the operation a request runs: its kind and its root fields. */
export interface OperationShape {
  kind: 'query' | 'mutation' | 'subscription'
  /** The operation's name, when it has one. */
  name?: string
  /** The schema fields selected at the root (aliases resolved, fragments followed). */
  rootFields: string[]
}

function operationsOf(document: string): {
  operations: OperationDefinitionNode[]
  fragments: Map<string, FragmentDefinitionNode>
} | null {
  try {
    const parsed = parse(document, { noLocation: true })
    const fragments = new Map<string, FragmentDefinitionNode>()
    const operations: OperationDefinitionNode[] = []
    for (const definition of parsed.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION)
        fragments.set(definition.name.value, definition)
      if (definition.kind === Kind.OPERATION_DEFINITION) operations.push(definition)
    }
    return { operations, fragments }
  } catch {
    // Expected: a document that does not parse is left to the GraphQL handler, which says why.
    return null
  }
}

function rootFieldsOf(
  selectionSet: SelectionSetNode,
  fragments: Map<string, FragmentDefinitionNode>,
  seen = new Set<string>(),
): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection.name.value]
    if (selection.kind === Kind.INLINE_FRAGMENT)
      return rootFieldsOf(selection.selectionSet, fragments, seen)
    const name = selection.name.value
    const fragment = fragments.get(name)
    if (!fragment || seen.has(name)) return []
    seen.add(name)
    return rootFieldsOf(fragment.selectionSet, fragments, seen)
  })
}

// Documents seen lately: the SDK's few are parsed once; a flood of others only refills the map,
// and a large document is not kept (at most 500 × 8 KB held).
const MEMO_LIMIT = 500
const MEMO_MAX_LENGTH = 8192
const shapes = new Map<string, OperationShape | null>()

/**
 * The operation `document` runs for `operationName` (the only one when no name is given), or
 * undefined when the document does not parse or names no such operation: the GraphQL handler
 * then answers with its own error.
 */
export function operationShape(
  document: string,
  operationName: string | undefined,
): OperationShape | undefined {
  const key = `${operationName ?? ''}\u0000${document}`
  let shape = shapes.get(key)
  if (shape === undefined) {
    shape = findShape(document, operationName)
    if (key.length > MEMO_MAX_LENGTH) return shape ?? undefined
    if (shapes.size >= MEMO_LIMIT) shapes.clear()
    shapes.set(key, shape)
  }
  return shape ?? undefined
}

function findShape(document: string, operationName: string | undefined): OperationShape | null {
  const parsed = operationsOf(document)
  if (!parsed) return null
  const { operations, fragments } = parsed
  const operation = operationName
    ? operations.find((candidate) => candidate.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : undefined
  if (!operation) return null
  return {
    kind: operation.operation,
    name: operation.name?.value,
    rootFields: rootFieldsOf(operation.selectionSet, fragments),
  }
}
