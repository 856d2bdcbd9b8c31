import Link from 'next/link'
import { formatDateLine, type ArticleSummary } from 'news-portal-sdk'
import type { SiteLocale } from '../lib/locales.js'
import { articlePath } from '../lib/paths.js'

/** A list of articles: title, date line and (with `leads`) the lead and a thumbnail. */
export function ArticleList({
  articles,
  locale,
  timeZone,
  leads = false,
  headingLevel = 3,
}: {
  articles: ArticleSummary[]
  locale: SiteLocale
  timeZone?: string | null
  leads?: boolean
  headingLevel?: 2 | 3
}) {
  const Heading = `h${headingLevel}` as const
  return (
    <ul className={leads ? 'article-list article-list--leads' : 'article-list'}>
      {articles.map((article) => {
        const thumbnail = article.coverImage?.sizes?.thumbnail ?? null
        return (
          <li key={article.id}>
            {leads && thumbnail?.url && (
              <img
                src={thumbnail.url}
                alt=""
                width={thumbnail.width ?? undefined}
                height={thumbnail.height ?? undefined}
                loading="lazy"
              />
            )}
            <div>
              <Heading className="article-list__title">
                <Link href={articlePath(locale, article)} prefetch={false}>
                  {article.title}
                </Link>
              </Heading>
              {article.publishedAt && (
                <p className="date-line">
                  {formatDateLine(article.publishedAt, { timeZone: timeZone ?? undefined })}
                </p>
              )}
              {leads && article.lead && <p className="article-list__lead">{article.lead}</p>}
            </div>
          </li>
        )
      })}
    </ul>
  )
}
