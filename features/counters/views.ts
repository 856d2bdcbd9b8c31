import type { Field, PayloadRequest } from 'payload'
import { perRequest, tickLoader } from '../../core/batch.js'
import { idOf } from '../../core/ids.js'
import { label } from '../../core/labels.js'
import { countKeys, readCounts } from './store.js'
import { componentPaths, SITE_FIELD } from '../../core/constants.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { resolveSite } from '../sites/resolve.js'
import type { SiteRef } from './siteScope.js'

// One loader per request, so one list of 20 articles costs one query (not cached: views change).
// Its keys carry each article's site (`site:<id>:article:<id>`), so one list may span sites.
const viewCounts = perRequest((req) =>
  tickLoader<string, number>(
    async (keys) => {
      const counts = await readCounts(req.payload, [...new Set(keys)])
      return keys.map((key) => counts.get(key) ?? 0)
    },
    { cache: false },
  ),
)

/**
 * `Article.views`: a virtual, read-only count of distinct-session views, read from `visit-counts`
 * under the article's own site (where `recordVisit` counts them), whichever site the request is for.
 */
export const articleViewsField = (options: ResolvedNewsPortalOptions): Field => ({
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
  // Its hook reads the article's id and site: a narrow `select` (ArticlePage) may include them alone.
  custom: { computedFrom: [SITE_FIELD] },
  hooks: {
    afterRead: [
      async ({ data, originalDoc, req }) => {
        const doc = (originalDoc ?? data) as Record<string, unknown> | undefined
        const id = idOf(doc?.id)
        if (id === undefined) return 0
        return viewCounts(req).load(countKeys.article(await articleSite(doc!, req, options), id))
      },
    ],
  },
})

/**
 * The site an article's views are counted under: its own (none for one stored before sites
 * existed). A read that selected other fields only has not got it: public reads are of the
 * request's site's articles, so that one.
 */
async function articleSite(
  doc: Record<string, unknown>,
  req: PayloadRequest,
  options: ResolvedNewsPortalOptions,
): Promise<SiteRef> {
  // Left out of a narrow read: `undefined` (a stored document without a site has `null`).
  if (doc[SITE_FIELD] === undefined) return resolveSite(req, options)
  const site = idOf(doc[SITE_FIELD])
  return site === undefined ? null : { id: site }
}
