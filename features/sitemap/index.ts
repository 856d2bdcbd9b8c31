import type { PortalFeature } from '../../core/feature.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { newsSitemapEndpoint, sitemapEndpoint } from './endpoint.js'

export { sitemapSources, type SitemapSource } from './sources.js'

/** `/api/sitemap.xml` and `/api/news-sitemap.xml`, per site, public URLs only. */
export function sitemapFeature(options: ResolvedNewsPortalOptions): PortalFeature {
  return { endpoints: [sitemapEndpoint(options), newsSitemapEndpoint(options)] }
}
