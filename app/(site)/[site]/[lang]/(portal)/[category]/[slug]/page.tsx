import Link from 'next/link'
import { notFound, permanentRedirect } from 'next/navigation'
import { articleJsonLd, formatDateLine } from 'news-portal-sdk'
import { ArticleList } from '../../../../../components/ArticleList.js'
import { ArticleText } from '../../../../../components/ArticleText.js'
import { Breadcrumbs } from '../../../../../components/Breadcrumbs.js'
import { RatingWidget } from '../../../../../components/RatingWidget.js'
import { localePath } from '../../../../../lib/locales.js'
import { routeOf } from '../../../../../lib/params.js'
import { articlePath, categoryPath, downloadPath, printPath } from '../../../../../lib/paths.js'
import { articleData, siteContext } from '../../../../../lib/portal.js'
import { siteOrigin } from '../../../../../lib/sites.js'
import { wordsFor } from '../../../../../lib/words.js'

export const revalidate = 3600
export async function generateStaticParams() {
  return []
}

type Params = Promise<{ site: string; lang: string; category: string; slug: string }>

export async function generateMetadata({ params }: { params: Params }) {
  const { siteKey, locale } = await routeOf(params)
  const { category, slug } = await params
  const data = await articleData(siteKey, locale, category, slug)
  if (data.kind !== 'article') return {}
  const { article } = data.page
  return {
    title: article.title,
    description: article.lead ?? undefined,
    // The editor's canonical address wins (a copy of another site's article); else this page's own.
    alternates: { canonical: article.canonicalUrl || articlePath(locale, article, category) },
  }
}

/** `/{category}/{slug}`: the seed page's article page. */
export default async function ArticlePageRoute({ params }: { params: Params }) {
  const { siteKey, locale } = await routeOf(params)
  const { category, slug } = await params
  const data = await articleData(siteKey, locale, category, slug)
  if (data.kind === 'missing') notFound()
  // An old slug or category: the article's address now (Next answers 308, the permanent redirect that keeps the method).
  if (data.kind === 'moved')
    permanentRedirect(localePath(locale, `/${data.categorySlug}/${data.slug}`))
  const context = await siteContext(siteKey, locale)
  const words = wordsFor(locale)
  const { article, newer, older } = data.page
  const href = articlePath(locale, article, category)
  const timeZone = data.site.timeZone ?? undefined
  const primary = article.primaryCategory
  const origin = siteOrigin(data.site.siteUrl, siteKey)
  const jsonLd = articleJsonLd(article, {
    url: article.canonicalUrl || (origin ? new URL(href, origin).href : undefined),
    baseUrl: origin?.origin,
    publisher: { name: data.site.name, url: origin?.origin },
  })
  return (
    <article className="article" data-article-id={String(article.id)}>
      <script
        type="application/ld+json"
        // `<` escaped: a title holding "</script>" cannot end the element.
        dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, '\\u003c') }}
      />
      <Breadcrumbs
        label={words.breadcrumb}
        crumbs={[
          { href: localePath(locale, '/'), title: words.home },
          ...(primary ? [{ href: categoryPath(locale, primary.slug), title: primary.title }] : []),
          { title: article.title },
        ]}
      />
      <h1 className="article__title">{article.title}</h1>
      <div className="article__meta">
        {article.publishedAt && (
          <p className="date-line">{formatDateLine(article.publishedAt, { timeZone })}</p>
        )}
        <p className="article__tools">
          <a href={printPath(href)} rel="nofollow">
            {words.print}
          </a>
          <a href={downloadPath(href)} rel="nofollow" download>
            {words.save}
          </a>
          {data.hasEnglish && locale === 'vi' && (
            <a href={localePath('en', `/${category}/${slug}`)} hrefLang="en" lang="en">
              English
            </a>
          )}
        </p>
      </div>
      <ArticleText article={article} words={words} linkSource />
      {article.allowRatings !== false && context && (
        <RatingWidget
          site={context.site.slug}
          article={article.id}
          slug={article.slug}
          initial={article.rating ?? { total: 0, count: 0 }}
          words={{
            rate: words.rate,
            stars: [1, 2, 3, 4, 5].map(words.star),
            thanks: words.thanks,
            voteFailed: words.voteFailed,
          }}
        />
      )}
      {data.related.length > 0 && (
        <section aria-labelledby="related-title" className="section">
          <h2 id="related-title" className="section__title">
            {words.related}
          </h2>
          <ArticleList articles={data.related} locale={locale} timeZone={timeZone} />
        </section>
      )}
      <section aria-labelledby="newer-title" className="section">
        <h2 id="newer-title" className="section__title">
          {words.newer}
        </h2>
        <ArticleList articles={newer} locale={locale} timeZone={timeZone} />
      </section>
      <section aria-labelledby="older-title" className="section">
        <h2 id="older-title" className="section__title">
          {words.older}
        </h2>
        <ArticleList articles={older} locale={locale} timeZone={timeZone} />
      </section>
      <p>
        <Link href={localePath(locale, '/')}>{words.backHome}</Link>
      </p>
    </article>
  )
}
