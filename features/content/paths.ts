/** A page's public path: under `/trang/` so it never shadows a category's `/{slug}`. */
export const pagePath = (slug: string | null | undefined): string => `/trang/${slug ?? ''}`

/** A topic's public path (its article list). */
export const topicPath = (slug: string | null | undefined): string => `/chu-de/${slug ?? ''}`
