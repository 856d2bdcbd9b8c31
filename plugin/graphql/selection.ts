import type { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql'
import type { FlattenedField } from 'payload'

/** Field types whose values are large and costly to read (rich text runs its editor's afterRead hooks). */
const HEAVY_TYPES = new Set(['richText', 'json', 'textarea', 'blocks', 'array', 'code'])

/** The field names selected under `info`'s field's `child` (e.g. `newer`), merged over every alias and fragment. */
export function selectedNames(info: GraphQLResolveInfo, child: string): Set<string> {
  const names = new Set<string>()
  const fragments = info.fragments as Record<string, FragmentDefinitionNode>
  const collect = (
    selectionSet: SelectionSetNode | undefined,
    into: (field: FieldNode) => void,
    seen = new Set<string>(),
  ) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === 'Field') into(selection)
      else if (selection.kind === 'InlineFragment') collect(selection.selectionSet, into, seen)
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value)
        collect(fragments[selection.name.value]?.selectionSet, into, seen)
      }
    }
  }
  for (const node of info.fieldNodes) {
    collect(node.selectionSet, (field) => {
      if (field.name.value === child) collect(field.selectionSet, (leaf) => names.add(leaf.name.value))
    })
  }
  return names
}

/**
 * A Payload `select` that leaves out the heavy fields (rich text, long text, JSON, arrays, blocks)
 * nobody asked for. When a requested field computes its value on read (a virtual field such as
 * `rating` or `views`, or any field with its own `afterRead` hooks), nothing is left out: its hook
 * may read any sibling. `undefined` when there is nothing to leave out.
 */
export function skipUnrequestedHeavyFields(
  fields: FlattenedField[],
  requested: Set<string>,
): Record<string, false> | undefined {
  const computedOnRead = fields.some(
    (field) =>
      requested.has(field.name) &&
      (('virtual' in field && field.virtual) || Boolean('hooks' in field && field.hooks?.afterRead?.length)),
  )
  if (computedOnRead) return undefined
  const skipped = fields.filter((field) => HEAVY_TYPES.has(field.type) && !requested.has(field.name))
  return skipped.length ? Object.fromEntries(skipped.map((field) => [field.name, false])) : undefined
}
