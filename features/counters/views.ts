import type { Field } from 'payload'
import { perRequest, tickLoader } from '../../core/batch.js'
import { idOf } from '../../core/ids.js'
import { label } from '../../core/labels.js'
import { countKeys, readCounts } from './store.js'
import { componentPaths } from '../../core/constants.js'

// One loader per request, so one list of 20 articles costs one query (not cached: views change).
const viewCounts = perRequest((req) =>
  tickLoader<string, number>(
    async (keys) => {
      const counts = await readCounts(req.payload, [...new Set(keys)])
      return keys.map((key) => counts.get(key) ?? 0)
    },
    { cache: false },
  ),
)

/** `Article.views`: a virtual, read-only count of distinct-session views, read from `visit-counts`. */
export const articleViewsField = (): Field => ({
  name: 'views',
  type: 'number',
  virtual: true,
  label: label('Lượt xem', 'Views'),
  admin: {
    readOnly: true,
    position: 'sidebar',
    description: label(
      'Số phiên đọc bài khác nhau; tự động.',
      'Distinct reading sessions; counted automatically.',
    ),
    components: { Cell: componentPaths.viewsCell },
  },
  // Its hook reads only the article's id: a narrow `select` (ArticlePage) may include it alone.
  custom: { computedFrom: [] },
  hooks: {
    afterRead: [
      ({ data, originalDoc, req }) => {
        const id = idOf(originalDoc?.id ?? data?.id)
        if (id === undefined) return 0
        return viewCounts(req).load(countKeys.article(id))
      },
    ],
  },
})
