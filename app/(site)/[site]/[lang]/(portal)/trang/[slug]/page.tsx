import { notFound } from 'next/navigation'
import { routeOf } from '../../../../../lib/params.js'
import { staticPageData } from '../../../../../lib/portal.js'

export const revalidate = 3600
export async function generateStaticParams() {
  return []
}

type Params = Promise<{ site: string; lang: string; slug: string }>

/** `/trang/{slug}`: a static page (introduction, contact…) in the route's locale. */
export default async function StaticPageRoute({ params }: { params: Params }) {
  const { siteKey, locale } = await routeOf(params)
  const { slug } = await params
  const data = await staticPageData(siteKey, locale, slug)
  if (!data) notFound()
  return (
    <article className="article">
      <h1 className="article__title">{data.page.title}</h1>
      {data.page.bodyHtml && (
        <div className="article__body" dangerouslySetInnerHTML={{ __html: data.page.bodyHtml }} />
      )}
    </article>
  )
}
