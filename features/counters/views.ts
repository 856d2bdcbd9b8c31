import type { Field, Payload, PayloadRequest } from 'payload'
import { label } from '../../core/labels.js'
import { countKeys, readCounts } from './store.js'
import { componentPaths } from '../../core/constants.js'

/** Collects the article ids one request reads and fetches all their view counts in one query. */
class ViewsLoader {
  private pending = new Map<string, Array<(views: number) => void>>()
  private failures: Array<(error: unknown) => void> = []
  private scheduled = false

  constructor(private readonly payload: Payload) {}

  load(id: string | number): Promise<number> {
    return new Promise((resolve, reject) => {
      const key = countKeys.article(id)
      this.pending.set(key, [...(this.pending.get(key) ?? []), resolve])
      this.failures.push(reject)
      if (!this.scheduled) {
        this.scheduled = true
        setImmediate(() => void this.flush())
      }
    })
  }

  private async flush() {
    const batch = this.pending
    const failures = this.failures
    this.pending = new Map()
    this.failures = []
    this.scheduled = false
    try {
      const counts = await readCounts(this.payload, [...batch.keys()])
      for (const [key, resolvers] of batch)
        for (const resolve of resolvers) resolve(counts.get(key) ?? 0)
    } catch (error) {
      for (const reject of failures) reject(error)
    }
  }
}

const loaders = new WeakMap<object, ViewsLoader>()

function loaderFor(req: PayloadRequest): ViewsLoader {
  // One loader per request (its context object), so one list of 20 articles costs one query.
  const owner = (req.context ?? req) as object
  let loader = loaders.get(owner)
  if (!loader) {
    loader = new ViewsLoader(req.payload)
    loaders.set(owner, loader)
  }
  return loader
}

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
        const id = (originalDoc?.id ?? data?.id) as string | number | undefined
        if (id === undefined || id === null) return 0
        return loaderFor(req).load(id)
      },
    ],
  },
})
