import type { PageSummary, PortalSite } from 'news-portal-sdk'
import { localePath, type SiteLocale } from '../lib/locales.js'
import { wordsFor } from '../lib/words.js'

export function SiteFooter({
  site,
  locale,
  pages,
}: {
  site: PortalSite
  locale: SiteLocale
  pages: PageSummary[]
}) {
  const words = wordsFor(locale)
  return (
    <footer className="site-footer">
      <div className="container">
        <p className="site-footer__name">{site.name}</p>
        {pages.length > 0 && (
          <nav aria-label={words.staticPages}>
            <ul className="site-footer__pages">
              {pages.map((page) => (
                <li key={page.id}>
                  <a href={localePath(locale, `/trang/${page.slug}`)}>{page.title}</a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <p>
          <a href="/api/feed.xml" type="application/rss+xml">
            {words.rss}
          </a>
        </p>
      </div>
    </footer>
  )
}
