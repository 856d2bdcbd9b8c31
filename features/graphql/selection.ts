import type { GraphQLResolveInfo } from 'graphql'
import type { FlattenedField, SelectType } from 'payload'
import { fieldsOf } from '../../core/selections.js'

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
  const fields = fieldsOf(new Map(Object.entries(info.fragments)))
  const names = new Set<string>()
  for (const node of info.fieldNodes) {
    for (const field of fields(node.selectionSet)) {
      if (field.name.value !== child) continue
      for (const leaf of fields(field.selectionSet)) names.add(leaf.name.value)
    }
  }
  return names
}

/** A collection's GraphQL object type: its fields name the Payload field they stand for in `extensions.field`. */
interface CollectionType {
  getFields(): Record<string, { extensions?: { field?: { name?: string } } | null }>
}

/**
 * The Payload field names selected under any of `children` of `info`'s field (`docs`; `newer`,
 * `older`), over every alias and fragment: GraphQL names mapped back through `type`.
 */
export function requestedFields(
  type: CollectionType,
  info: GraphQLResolveInfo,
  ...children: string[]
): Set<string> {
  const graphQLFields = type.getFields()
  return new Set(
    children.flatMap((child) =>
      [...selectedNames(info, child)].map(
        (name) => graphQLFields[name]?.extensions?.field?.name ?? name,
      ),
    ),
  )
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
