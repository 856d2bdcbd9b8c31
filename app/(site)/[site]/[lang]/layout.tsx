import '@fontsource/be-vietnam-pro/400.css'
import '@fontsource/be-vietnam-pro/700.css'
import '../../site.css'
import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'
import { routeOf } from '../../lib/params.js'
import { siteContext } from '../../lib/portal.js'
import { siteOrigin } from '../../lib/sites.js'

type Params = Promise<{ site: string; lang: string }>

// The header's emblem as the tab icon, inline: no request, and no /favicon.ico 404 in the console.
const EMBLEM_ICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Ccircle cx='16' cy='16' r='16' fill='%23a6192e'/%3E%3Cpath fill='%23ffd400' d='M16 5l3.1 7.6 8.2.6-6.3 5.3 2 8-7-4.4-7 4.4 2-8-6.3-5.3 8.2-.6z'/%3E%3C/svg%3E"

// Pages render on first request and are then served static until a webhook (or an hour) refreshes them.
export async function generateStaticParams() {
  return []
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { siteKey, locale } = await routeOf(params)
  const context = await siteContext(siteKey, locale)
  const name = context?.site.name ?? 'Cổng thông tin'
  return {
    // Canonical and alternate links come out absolute, on the site's own address (or its host).
    metadataBase: siteOrigin(context?.site.siteUrl, siteKey),
    title: { default: name, template: `%s - ${name}` },
    description: name,
    alternates: { types: { 'application/rss+xml': '/api/feed.xml' } },
    icons: { icon: EMBLEM_ICON },
  }
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0b3d6e' }

/** The portal's root layout (the admin has its own, in app/(payload)). */
export default async function SiteRootLayout({
  children,
  params,
}: {
  children: ReactNode
  params: Params
}) {
  const { locale } = await routeOf(params)
  return (
    <html lang={locale}>
      <body>{children}</body>
    </html>
  )
}
