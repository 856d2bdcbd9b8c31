import { notFound } from 'next/navigation'
import { ArticleList } from '../../../../components/ArticleList.js'
import { Pagination } from '../../../../components/Pagination.js'
import { routeOf } from '../../../../lib/params.js'
import { searchPath } from '../../../../lib/paths.js'
import { MAX_QUERY_LENGTH, searchData } from '../../../../lib/portal.js'
import { wordsFor } from '../../../../lib/words.js'

// A query is the reader's own: never cached as a static page.
export const dynamic = 'force-dynamic'

type Params = Promise<{ site: string; lang: string }>
type Search = Promise<{ q?: string | string[]; trang?: string | string[] }>

const first = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value) ?? ''

/** `/tim-kiem?q=`: rendered per request (a query is the reader's own); a query the API refuses is said, never a 500. */
export default async function SearchPage({
  params,
  searchParams,
}: {
  params: Params
  searchParams: Search
}) {
  const { siteKey, locale } = await routeOf(params)
  const query = first((await searchParams).q)
  const page = Math.max(1, Number(first((await searchParams).trang)) || 1)
  const data = await searchData(siteKey, locale, query, page)
  if (!data) notFound()
  const words = wordsFor(locale)
  const { outcome } = data
  const message = {
    empty: words.searchEmpty,
    tooLong: words.searchTooLong,
    refused: words.searchRefused,
  } as const
  return (
    <>
      <h1 className="page-title">{words.search}</h1>
      <form
        action={searchPath(locale)}
        method="get"
        role="search"
        className="search-box search-box--page"
      >
        <label htmlFor="search-page-q">{words.searchLabel}</label>
        <input
          id="search-page-q"
          name="q"
          type="search"
          maxLength={MAX_QUERY_LENGTH}
          defaultValue={query.slice(0, MAX_QUERY_LENGTH)}
        />
        <button type="submit">{words.search}</button>
      </form>
      {outcome.kind !== 'results' && (
        <p className="notice" role="status">
          {message[outcome.kind]}
        </p>
      )}
      {outcome.kind === 'results' && (
        <>
          <p role="status">
            {outcome.result.totalDocs ? words.results(outcome.result.totalDocs) : words.noResults}
          </p>
          <ArticleList
            articles={outcome.result.docs}
            locale={locale}
            timeZone={data.site.timeZone}
            leads
            headingLevel={2}
          />
          <Pagination
            page={outcome.result.page}
            totalPages={outcome.result.totalPages}
            href={(n) => `${searchPath(locale, query)}&trang=${n}`}
            words={words}
          />
        </>
      )}
    </>
  )
}
