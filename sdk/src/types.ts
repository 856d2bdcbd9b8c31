import type * as Generated from './generated/graphql.js'

/** A document id: a number on SQL databases (SQLite, Postgres), a string on MongoDB. */
export type PortalId = string | number
/** A locale the site serves (Payload's `LocaleInputType`). */
export type Locale = Generated.LocaleInputType

// Every public type is the result of one of the SDK's fragments (src/operations): generated, never typed by hand.
export type Media = Generated.MediaFieldsFragment
export type Category = Generated.CategoryFieldsFragment
export type Author = Generated.AuthorFieldsFragment
export type Source = Generated.SourceFieldsFragment
/** An event thread ("dòng sự kiện") grouping articles across categories. */
export type Topic = Generated.TopicFieldsFragment
/** A standing page as lists show it: no body. */
export type PageSummary = Generated.PageSummaryFieldsFragment
/** A whole standing page (about, organisation, contact) with `bodyHtml` and its SEO fields. */
export type Page = Generated.PageFieldsFragment
/** An article as lists show it: no body, no authors. */
export type ArticleSummary = Generated.ArticleSummaryFieldsFragment
/** A whole article, with `bodyHtml` (the server's safe rendering of the body) and its relationships. */
export type Article = Generated.ArticleFieldsFragment
export type RatingSummary = Generated.RatingSummaryFieldsFragment
/** A whole article page in one request: the article with its rating and views, and its neighbours. */
export type ArticlePage = NonNullable<Generated.ArticlePageQuery['ArticlePage']>
/** One page of search results: articles as lists show them, title matches first, then newest first. */
export type SearchResult = NonNullable<Generated.SearchArticlesQuery['SearchArticles']>
/** The article of an `ArticlePage`: an `Article` plus `rating` and `views`. */
export type ArticleWithStats = ArticlePage['article']
export type VisitorStats = Generated.VisitorStatsFieldsFragment
export type DossierStats = Generated.DossierStatsFieldsFragment
/** A site's public settings: its name (in the requested locale), slug, address and time zone. */
export type PortalSite = Generated.PortalSiteFieldsFragment

/** One page of a list, in Payload's pagination shape. */
export type Paginated<T> = Omit<NonNullable<Generated.ArticleListQuery['Articles']>, 'docs'> & {
  docs: T[]
}
