import { describe, expect, it } from 'vitest'
import type { CollectionConfig, Field } from 'payload'
import { newsPortalPlugin } from '../plugin/index.js'

/** Every data field an editor sees in the admin, as `collection.path`, with its description (if any). */
function visibleFields(
  collection: CollectionConfig,
): Array<{ path: string; description: unknown }> {
  if (collection.admin?.hidden === true) return []
  const out: Array<{ path: string; description: unknown }> = []
  const walk = (fields: Field[], prefix: string) => {
    for (const field of fields) {
      const admin = (
        field as { admin?: { hidden?: boolean; description?: unknown; disabled?: boolean } }
      ).admin
      if (admin?.hidden || admin?.disabled) continue
      if (field.type === 'ui' || field.type === 'join') continue
      const named = 'name' in field ? `${prefix}${field.name}` : prefix.replace(/\.$/, '')
      if ('name' in field)
        out.push({ path: `${collection.slug}.${named}`, description: admin?.description })
      if ('fields' in field && Array.isArray(field.fields))
        walk(field.fields, 'name' in field ? `${named}.` : prefix)
      if (field.type === 'tabs')
        for (const tab of field.tabs)
          walk(tab.fields, 'name' in tab ? `${prefix}${tab.name}.` : prefix)
    }
  }
  walk(collection.fields, '')
  return out
}

describe('admin field descriptions', () => {
  it('every plugin field an editor sees has a description in Vietnamese and English', async () => {
    const config = await newsPortalPlugin()({
      collections: [],
      secret: 'x',
      db: {} as never,
    } as never)
    const fields = (config.collections ?? []).flatMap(visibleFields)
    expect(fields.length).toBeGreaterThan(60)
    const missing = fields
      .filter(({ description }) => {
        const text = description as { vi?: unknown; en?: unknown } | undefined
        return !(
          text &&
          typeof text.vi === 'string' &&
          text.vi &&
          typeof text.en === 'string' &&
          text.en
        )
      })
      .map(({ path }) => path)
    expect(missing).toEqual([])
  })
})
