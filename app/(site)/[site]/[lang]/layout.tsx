import '@fontsource/be-vietnam-pro/400.css'
import '@fontsource/be-vietnam-pro/700.css'
import '../../site.css'
import type { Metadata, Viewport } from 'next'
import type { ReactNode } from 'react'
import { routeOf } from '../../lib/params.js'
import { siteContext } from '../../lib/portal.js'

type Params = Promise<{ site: string; lang: string }>

// Pages render on first request and are then served static until a webhook (or an hour) refreshes them.
export async function generateStaticParams() {
  return []
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { siteKey, locale } = await routeOf(params)
  const context = await siteContext(siteKey, locale)
  const name = context?.site.name ?? 'Cổng thông tin'
  return {
    title: { default: name, template: `%s - ${name}` },
    description: name,
    alternates: { types: { 'application/rss+xml': '/api/feed.xml' } },
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
