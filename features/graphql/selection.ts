import type {
  FieldNode,
  FragmentDefinitionNode,
  GraphQLResolveInfo,
  SelectionSetNode,
} from 'graphql'
import type { FlattenedField, SelectType } from 'payload'

/** Field types whose values are large and costly to read (rich text runs its editor's afterRead hooks). */
const HEAVY_TYPES = new Set(['richText', 'json', 'textarea', 'blocks', 'array', 'code'])

/**
 * A field computed on read may declare which sibling fields its `afterRead` hooks read, as
 * `custom: { computedFrom: ['lead'] }` (`[]`: only the document's id, as `rating` and `views`).
 * Such a field can be read with a narrow `select`; one that does not say so gets the whole article.
 */
export interface ComputedFromCustom {
  computedFrom?: string[]
}

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
      if (field.name.value === child)
        collect(field.selectionSet, (leaf) => names.add(leaf.name.value))
    })
  }
  return names
}

const isComputedOnRead = (field: FlattenedField) =>
  ('virtual' in field && Boolean(field.virtual)) ||
  Boolean('hooks' in field && field.hooks?.afterRead?.length)

/**
 * The Payload `select` for a read whose result only has to answer `requested` (GraphQL field names
 * of the collection's type, already mapped to Payload field names), plus `needed` for the caller.
 *
 * - Every requested name is a plain field, or a field computed on read that declares what it reads
 *   (`custom.computedFrom`): only those fields are read (`{ title: true, … }`), so the relationships,
 *   locales and hooks of the others cost nothing.
 * - Otherwise, when a requested field is computed on read and does not declare its inputs (its hook
 *   may read any sibling), nothing is left out: `undefined`.
 * - Otherwise (a name that is not a field of the collection), only the heavy fields nobody asked
 *   for (rich text, long text, JSON, arrays, blocks) are left out.
 */
export function selectForRequested(
  fields: FlattenedField[],
  requested: Set<string>,
  needed: string[] = [],
): SelectType | undefined {
  const byName = new Map(fields.map((field) => [field.name, field]))
  const include = new Set<string>(needed)
  let allKnown = true
  for (const name of requested) {
    if (name === 'id' || name === '__typename') continue
    const field = byName.get(name)
    if (!field) {
      allKnown = false
      continue
    }
    include.add(name)
    if (!isComputedOnRead(field)) continue
    const computedFrom = (field.custom as ComputedFromCustom | undefined)?.computedFrom
    if (!Array.isArray(computedFrom)) return undefined
    for (const sibling of computedFrom) if (sibling !== 'id') include.add(sibling)
  }
  if (allKnown) return Object.fromEntries([...include].map((name) => [name, true as const]))
  const skipped = fields.filter(
    (field) => HEAVY_TYPES.has(field.type) && !requested.has(field.name),
  )
  return skipped.length
    ? Object.fromEntries(skipped.map((field) => [field.name, false as const]))
    : undefined
}
