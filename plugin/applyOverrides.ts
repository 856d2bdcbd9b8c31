import type { CollectionConfig } from 'payload'
import type { CollectionOverrides } from '../core/types.js'

const nestedKeys = ['admin', 'access', 'upload', 'labels', 'graphQL', 'versions', 'auth'] as const

/**
 * Merges a user's overrides over a collection the plugin defines: plain keys replace,
 * `admin`/`access`/`upload`/`labels`/`graphQL`/`versions` merge one level deep, hook lists are
 * appended after the plugin's own, and `fields` receives the plugin's fields to return the final list.
 */
export function applyOverrides(
  collection: CollectionConfig,
  overrides: CollectionOverrides = {},
): CollectionConfig {
  const { fields, hooks, ...rest } = overrides
  const merged: CollectionConfig = { ...collection, ...rest } as CollectionConfig
  for (const key of nestedKeys) {
    const base = collection[key]
    const extra = rest[key]
    if (isObject(base) && isObject(extra))
      (merged as unknown as Record<string, unknown>)[key] = { ...base, ...extra }
  }
  if (hooks) {
    const combined: Record<string, unknown[]> = {
      ...(collection.hooks as Record<string, unknown[]>),
    }
    for (const [name, list] of Object.entries(hooks)) {
      combined[name] = [...(combined[name] ?? []), ...((list as unknown[]) ?? [])]
    }
    merged.hooks = combined as CollectionConfig['hooks']
  }
  merged.fields = fields ? fields({ defaultFields: collection.fields }) : collection.fields
  merged.slug = collection.slug
  return merged
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
