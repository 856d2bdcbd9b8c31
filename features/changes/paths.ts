import type { PayloadRequest } from 'payload'
import { CATEGORIES_SLUG } from '../../core/constants.js'
import { idOf } from '../../core/ids.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'

/** An article's public path: `articlePath` of its slug and its primary category's slug. */
export async function articlePaths(
  doc: Record<string, unknown>,
  req: PayloadRequest,
  options: Pick<ResolvedNewsPortalOptions, 'articlePath'>,
): Promise<string[]> {
  if (typeof doc.slug !== 'string' || !doc.slug) return []
  const categoryId = idOf(doc.primaryCategory) ?? idOf((doc.categories as unknown[])?.[0])
  let primaryCategorySlug: string | null = null
  if (categoryId !== undefined) {
    const populated = doc.primaryCategory as { slug?: unknown } | undefined
    if (typeof populated?.slug === 'string') primaryCategorySlug = populated.slug
    else {
      // site-scope: the article's own primary category, on the article's site.
      const category = await req.payload
        .findByID({
          collection: CATEGORIES_SLUG,
          id: categoryId,
          depth: 0,
          select: { slug: true },
          overrideAccess: true,
          disableErrors: true,
          req,
        })
        .catch(() => null)
      primaryCategorySlug = (category as { slug?: string } | null)?.slug ?? null
    }
  }
  return [options.articlePath({ slug: doc.slug, primaryCategorySlug })]
}
