import type { Field } from 'payload'
import { describe, expect, it } from 'vitest'
import { newsPortalPlugin } from '../plugin/index.js'

describe('the dossier panel’s rates say the formula they compute', () => {
  it('on-time and overdue rates are shares of the decided dossiers: onTime + overdue', async () => {
    const config = await newsPortalPlugin()({
      collections: [],
      secret: 'x',
      db: {} as never,
    } as never)
    const widgets = config.collections!.find((collection) => collection.slug === 'counter-widgets')!
    const description = (name: string) =>
      (
        widgets.fields.find((field) => 'name' in field && field.name === name) as Field & {
          admin: { description: unknown }
        }
      ).admin.description
    expect(description('onTimeRate')).toEqual({
      vi: 'Tự động: đúng hạn / (đúng hạn + quá hạn).',
      en: 'Computed: on time / (on time + overdue).',
    })
    expect(description('overdueRate')).toEqual({
      vi: 'Tự động: quá hạn / (đúng hạn + quá hạn).',
      en: 'Computed: overdue / (on time + overdue).',
    })
  })
})
