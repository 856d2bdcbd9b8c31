import { notFound } from 'next/navigation'
import { routeOf } from '../../../../../lib/params.js'
import { staticPageData } from '../../../../../lib/portal.js'
import { wordsFor } from '../../../../../lib/words.js'

export const revalidate = 3600
export async function generateStaticParams() {
  return []
}

type Params = Promise<{ site: string; lang: string; slug: string }>

/** `/trang/{slug}`: a static page (introduction, contact…), once the SDK has `pages.bySlug`. */
export default async function StaticPageRoute({ params }: { params: Params }) {
  const { siteKey, locale } = await routeOf(params)
  const { slug } = await params
  const data = await staticPageData(siteKey, locale, slug)
  if (!data || data.page === null) notFound()
  const words = wordsFor(locale)
  if (data.page === 'unavailable')
    return (
      <>
        <h1 className="page-title">{slug}</h1>
        <p className="notice" role="status">
          {words.pageUnavailable}
        </p>
      </>
    )
  return (
    <article className="article">
      <h1 className="article__title">{data.page.title}</h1>
      {data.page.bodyHtml && (
        <div className="article__body" dangerouslySetInnerHTML={{ __html: data.page.bodyHtml }} />
      )}
    </article>
  )
}
