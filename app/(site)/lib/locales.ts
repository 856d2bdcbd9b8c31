/** The locales the portal serves; Vietnamese addresses carry no prefix, English ones start with `/en`. */
export const LOCALES = ['vi', 'en'] as const
export type SiteLocale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: SiteLocale = 'vi'

export const isSiteLocale = (value: string): value is SiteLocale =>
  (LOCALES as readonly string[]).includes(value)

/** A public path in `locale`: `/tin-tuc` or `/en/tin-tuc`. */
export const localePath = (locale: SiteLocale, path: string): string =>
  locale === DEFAULT_LOCALE ? path : `/${locale}${path === '/' ? '' : path}`
