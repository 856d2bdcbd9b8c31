import { notFound } from 'next/navigation'
import { isSiteLocale, type SiteLocale } from './locales.js'

/** The route's site key and locale (the proxy's rewrite put them there); a bad locale is a 404. */
export async function routeOf(
  params: Promise<{ site: string; lang: string }>,
): Promise<{ siteKey: string; locale: SiteLocale }> {
  const { site, lang } = await params
  if (!isSiteLocale(lang)) notFound()
  return { siteKey: site, locale: lang }
}
