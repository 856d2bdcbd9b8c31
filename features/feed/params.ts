import type { PayloadRequest, TypedLocale } from 'payload'

/** The longest `category` slug the feed looks up (slugs are made from titles, far shorter). */
export const MAX_CATEGORY_LENGTH = 200

/** What a query parameter of the feed resolved to: a value, or the 400 message naming it. */
export type FeedParam<T> = { value: T } | { error: string }

/**
 * `?locale=`: one of the site's locale codes (the channel has one language); absent or empty means
 * the request's own locale. `all`, `*`, unknown codes and repeated parameters name `locale`.
 */
export function feedLocale(req: PayloadRequest): FeedParam<TypedLocale | undefined> {
  const localization = req.payload.config.localization
  const given = req.searchParams.getAll('locale')
  if (!localization) return { value: undefined }
  const codes = localization.localeCodes
  if (given.length === 0 || (given.length === 1 && given[0] === '')) {
    // Payload turns `?locale=all` into `all` on req; only a real code is a channel language.
    const own = req.locale && codes.includes(req.locale) ? req.locale : localization.defaultLocale
    return { value: own as TypedLocale }
  }
  if (given.length === 1 && codes.includes(given[0])) return { value: given[0] as TypedLocale }
  return { error: `locale must be one of: ${codes.join(', ')}.` }
}

/** `?category=`: a slug to look up; control characters (PostgreSQL refuses NUL) and huge values name `category`. */
export function feedCategory(req: PayloadRequest): FeedParam<string | undefined> {
  const given = req.searchParams.getAll('category')
  if (given.length > 1) return { error: 'category must be given once.' }
  const slug = given[0]?.trim()
  // eslint-disable-next-line no-control-regex
  if (slug && (slug.length > MAX_CATEGORY_LENGTH || /[\u0000-\u001f\u007f]/.test(slug))) {
    return {
      error: `category must be a slug of at most ${MAX_CATEGORY_LENGTH} characters, without control characters.`,
    }
  }
  return { value: slug || undefined }
}
