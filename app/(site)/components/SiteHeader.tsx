import Link from 'next/link'
import type { Category, PortalSite } from 'news-portal-sdk'
import { localePath, type SiteLocale } from '../lib/locales.js'
import { categoryPath, searchPath } from '../lib/paths.js'
import { wordsFor } from '../lib/words.js'
import { SiteSwitcher } from './SiteSwitcher.js'

/** The header: the site's name, its sections, the search box and the language link. */
export function SiteHeader({
  site,
  categories,
  locale,
  otherLocaleHref,
}: {
  site: PortalSite
  categories: Category[]
  locale: SiteLocale
  otherLocaleHref: string
}) {
  const words = wordsFor(locale)
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {words.skip}
      </a>
      <div className="site-header__top container">
        <Link href={localePath(locale, '/')} className="site-header__name">
          <span className="site-header__emblem" aria-hidden="true">
            ★
          </span>
          <span>{site.name}</span>
        </Link>
        <div className="site-header__tools">
          <form action={searchPath(locale)} method="get" role="search" className="search-box">
            <label htmlFor="site-search" className="visually-hidden">
              {words.searchLabel}
            </label>
            <input id="site-search" name="q" type="search" placeholder={words.search} />
            <button type="submit">{words.search}</button>
          </form>
          <a href={otherLocaleHref} hrefLang={words.languageCode} lang={words.languageCode}>
            {words.language}
          </a>
        </div>
      </div>
      <nav aria-label={words.mainMenu} className="site-nav">
        <ul className="container">
          <li>
            <Link href={localePath(locale, '/')}>{words.home}</Link>
          </li>
          {categories.map((category) => (
            <li key={category.id}>
              <Link href={categoryPath(locale, category.slug)}>{category.title}</Link>
            </li>
          ))}
        </ul>
      </nav>
      {process.env.NODE_ENV !== 'production' && (
        <SiteSwitcher current={site.slug} label={words.switcher} />
      )}
    </header>
  )
}
