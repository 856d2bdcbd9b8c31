import type { CollectionConfig, Field } from 'payload'
import { label } from './labels.js'

/**
 * A collection of rows the plugin keeps for itself (counts, sessions, rate-limit windows): each
 * found by a unique `key` (its upserts rely on that index), hidden in the admin's navigation,
 * outside GraphQL and without timestamps; `fields` come after `key`.
 */
export function keyedRowsCollection({
  fields,
  group,
  ...rest
}: Pick<CollectionConfig, 'slug' | 'labels' | 'access' | 'indexes'> & {
  group: Record<string, string>
  fields: Field[]
}): CollectionConfig {
  return {
    ...rest,
    graphQL: false,
    timestamps: false,
    admin: { group, hidden: true, useAsTitle: 'key' },
    fields: [
      {
        name: 'key',
        type: 'text',
        required: true,
        unique: true,
        index: true,
        label: label('Khóa', 'Key'),
      },
      ...fields,
    ],
  }
}

/** A row's count, changed only by atomic `$inc`. */
export const hitsField = (): Field => ({
  name: 'hits',
  type: 'number',
  required: true,
  defaultValue: 0,
  label: label('Số lượt', 'Hits'),
})
