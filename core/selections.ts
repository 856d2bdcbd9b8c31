import type { DocumentNode, FieldNode, FragmentDefinitionNode, SelectionSetNode } from 'graphql'

/** A document's fragment definitions by name (`info.fragments`, or `fragmentsOf(document)`). */
export type Fragments = ReadonlyMap<string, FragmentDefinitionNode>

export function fragmentsOf(document: DocumentNode): Fragments {
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const definition of document.definitions) {
    if (definition.kind === 'FragmentDefinition') fragments.set(definition.name.value, definition)
  }
  return fragments
}

/**
 * Folds the fields of a selection set into one value, looking through inline fragments and
 * fragment spreads: `field` gives a field's value (it may fold the field's own selections again),
 * `merge` combines the values of one selection set. A named fragment is folded once and its value
 * reused wherever it is spread, so a walk stays linear however often fragments spread each other;
 * an unknown fragment, or one spread inside itself, counts as empty (graphql's own rules report
 * both).
 */
export function selectionFolder<T>(
  fragments: Fragments,
  { field, merge }: { field: (node: FieldNode) => T; merge: (values: T[]) => T },
): (selectionSet: SelectionSetNode | undefined) => T {
  const folded = new Map<string, T>()
  const visiting = new Set<string>()
  const fold = (selectionSet: SelectionSetNode | undefined): T => {
    const values: T[] = []
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === 'Field') values.push(field(selection))
      else if (selection.kind === 'InlineFragment') values.push(fold(selection.selectionSet))
      else {
        const name = selection.name.value
        const fragment = fragments.get(name)
        if (!fragment || visiting.has(name)) continue
        if (!folded.has(name)) {
          visiting.add(name)
          folded.set(name, fold(fragment.selectionSet))
          visiting.delete(name)
        }
        values.push(folded.get(name)!)
      }
    }
    return merge(values)
  }
  return fold
}

/** The fields a selection set selects, inline fragments and fragment spreads looked through (each field node once). */
export function fieldsOf(
  fragments: Fragments,
): (selectionSet: SelectionSetNode | undefined) => FieldNode[] {
  return selectionFolder<FieldNode[]>(fragments, {
    field: (node) => [node],
    merge: (values) => [...new Set(values.flat())],
  })
}
