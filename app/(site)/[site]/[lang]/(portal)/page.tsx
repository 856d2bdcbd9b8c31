import Link from 'next/link'
import { notFound } from 'next/navigation'
import { ArticleList } from '../../../components/ArticleList.js'
import { routeOf } from '../../../lib/params.js'
import { categoryPath } from '../../../lib/paths.js'
import { homeData } from '../../../lib/portal.js'
import { wordsFor } from '../../../lib/words.js'

export const revalidate = 3600
export async function generateStaticParams() {
  return []
}

/** `/`: the latest articles, then the newest of each section. */
export default async function HomePage({
  params,
}: {
  params: Promise<{ site: string; lang: string }>
}) {
  const { siteKey, locale } = await routeOf(params)
  const data = await homeData(siteKey, locale)
  if (!data) notFound()
  const words = wordsFor(locale)
  const timeZone = data.site.timeZone
  return (
    <>
      <h1 className="visually-hidden">{data.site.name}</h1>
      <section aria-labelledby="latest-title" className="section">
        <h2 id="latest-title" className="section__title">
          {words.latest}
        </h2>
        <ArticleList articles={data.latest} locale={locale} timeZone={timeZone} leads />
      </section>
      {data.featured.map(({ category, articles }) => (
        <section key={category.id} aria-labelledby={`category-${category.id}`} className="section">
          <h2 id={`category-${category.id}`} className="section__title">
            <Link href={categoryPath(locale, category.slug)}>{category.title}</Link>
          </h2>
          <ArticleList articles={articles} locale={locale} timeZone={timeZone} />
          <p className="section__more">
            <Link href={categoryPath(locale, category.slug)}>
              {words.more}: {category.title} ›
            </Link>
          </p>
        </section>
      ))}
    </>
  )
}
