import type { PortalSite } from 'news-portal-sdk'
import type { SiteLocale } from '../lib/locales.js'
import { wordsFor } from '../lib/words.js'

export function SiteFooter({ site, locale }: { site: PortalSite; locale: SiteLocale }) {
  const words = wordsFor(locale)
  return (
    <footer className="site-footer">
      <div className="container">
        <p className="site-footer__name">{site.name}</p>
        <p>
          <a href="/api/feed.xml" type="application/rss+xml">
            {words.rss}
          </a>
        </p>
      </div>
    </footer>
  )
}
