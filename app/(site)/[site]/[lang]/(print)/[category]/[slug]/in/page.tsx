import '../../../../../../print.css'
import { notFound } from 'next/navigation'
import { formatDateLine } from 'news-portal-sdk'
import { ArticleText } from '../../../../../../components/ArticleText.js'
import { PrintedFrom } from '../../../../../../components/PrintedFrom.js'
import { routeOf } from '../../../../../../lib/params.js'
import { articlePath } from '../../../../../../lib/paths.js'
import { printableArticle } from '../../../../../../lib/portal.js'
import { wordsFor } from '../../../../../../lib/words.js'

export const revalidate = 3600
export async function generateStaticParams() {
  return []
}

type Params = Promise<{ site: string; lang: string; category: string; slug: string }>

export async function generateMetadata({ params }: { params: Params }) {
  const { siteKey, locale } = await routeOf(params)
  const data = await printableArticle(siteKey, locale, (await params).slug)
  return data ? { title: data.article.title, robots: { index: false } } : {}
}

/** `/{category}/{slug}/in`: the article alone for printing, no navigation, its address and date printed. */
export default async function PrintView({ params }: { params: Params }) {
  const { siteKey, locale } = await routeOf(params)
  const { category, slug } = await params
  const data = await printableArticle(siteKey, locale, slug)
  if (!data) notFound()
  const { site, article } = data
  const words = wordsFor(locale)
  const timeZone = site.timeZone ?? undefined
  return (
    <main className="print-view" id="main">
      <p className="print-view__site">{site.name}</p>
      <h1 className="article__title">{article.title}</h1>
      {article.publishedAt && (
        <p className="date-line">{formatDateLine(article.publishedAt, { timeZone })}</p>
      )}
      <ArticleText article={article} words={words} />
      <PrintedFrom
        path={articlePath(locale, article, category)}
        timeZone={timeZone}
        labels={{ from: words.printedFrom, at: words.printedAt, print: words.print }}
      />
    </main>
  )
}
