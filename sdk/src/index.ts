export { createPortalClient } from './client.js'
export type {
  ArticleListOptions,
  ArticlePageOptions,
  CallOptions,
  CollectionClient,
  ListOptions,
  PortalClient,
  PortalClientOptions,
  RateOptions,
  SearchOptions,
  Visit,
} from './client.js'
export { PortalError, isPortalError } from './errors.js'
export type { PortalErrorCode, PortalGraphQLError } from './errors.js'
export type {
  Article,
  ArticlePage,
  ArticleSummary,
  ArticleWithStats,
  Author,
  Category,
  DossierStats,
  Locale,
  Media,
  Page,
  PageSummary,
  Paginated,
  PortalId,
  PortalSite,
  RatingSummary,
  SearchResult,
  Source,
  Topic,
  VisitorStats,
} from './types.js'
export { formatDateLine, DEFAULT_TIME_ZONE } from './helpers/dateLine.js'
export type { DateLineOptions } from './helpers/dateLine.js'
export { formatCount, ratingLine } from './helpers/counts.js'
export { articleJsonLd } from './helpers/jsonLd.js'
export type { JsonLdOptions } from './helpers/jsonLd.js'
export { browserSession, voterToken } from './helpers/storage.js'
export type { KeyValueStore, ReaderStore, StorageLike } from './helpers/storage.js'
