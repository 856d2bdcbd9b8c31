import { notFound } from 'next/navigation'
import type { ReactNode } from 'react'
import { DossierPanel } from '../../../components/DossierPanel.js'
import { SiteFooter } from '../../../components/SiteFooter.js'
import { SiteHeader } from '../../../components/SiteHeader.js'
import { VisitorCounter } from '../../../components/VisitorCounter.js'
import { localePath } from '../../../lib/locales.js'
import { routeOf } from '../../../lib/params.js'
import { sidebarData, staticPageLinks } from '../../../lib/portal.js'
import { wordsFor } from '../../../lib/words.js'

/** Every portal page but the print view: header, sections, the side column (dossier, visitors), footer. */
export default async function PortalLayout({
  children,
  params,
}: {
  children: ReactNode
  params: Promise<{ site: string; lang: string }>
}) {
  const { siteKey, locale } = await routeOf(params)
  const [data, pages] = await Promise.all([
    sidebarData(siteKey, locale),
    staticPageLinks(siteKey, locale),
  ])
  if (!data) notFound()
  const words = wordsFor(locale)
  return (
    <>
      <SiteHeader
        site={data.site}
        categories={data.categories}
        locale={locale}
        otherLocaleHref={localePath(words.languageCode, '/')}
      />
      <div className="container page-grid">
        <main id="main" className="page-main">
          {children}
        </main>
        <aside className="page-aside">
          {data.dossier && <DossierPanel stats={data.dossier} />}
          <VisitorCounter
            site={data.site.slug}
            initial={data.visitors}
            words={{
              visitors: words.visitors,
              online: words.online,
              today: words.today,
              thisMonth: words.thisMonth,
              lastMonth: words.lastMonth,
              total: words.total,
            }}
          />
        </aside>
      </div>
      <SiteFooter site={data.site} locale={locale} pages={pages} />
    </>
  )
}
