import { notFound } from 'next/navigation'
import { ArticleList } from './ArticleList.js'
import { Breadcrumbs } from './Breadcrumbs.js'
import { Pagination } from './Pagination.js'
import { localePath, type SiteLocale } from '../lib/locales.js'
import { categoryPath } from '../lib/paths.js'
import { categoryData } from '../lib/portal.js'
import { wordsFor } from '../lib/words.js'

/** `/{category}` and `/{category}?trang=N`: one page of the section's articles, newest first. */
export async function CategoryListing({
  siteKey,
  locale,
  categorySlug,
  page,
}: {
  siteKey: string
  locale: SiteLocale
  categorySlug: string
  page: number
}) {
  const data = await categoryData(siteKey, locale, categorySlug, page)
  if (!data) notFound()
  const words = wordsFor(locale)
  const { category, list } = data
  return (
    <>
      <Breadcrumbs
        label={words.breadcrumb}
        crumbs={[{ href: localePath(locale, '/'), title: words.home }, { title: category.title }]}
      />
      <h1 className="page-title">{category.title}</h1>
      {category.description && <p className="page-lead">{category.description}</p>}
      <ArticleList
        articles={list.docs}
        locale={locale}
        timeZone={data.site.timeZone}
        leads
        headingLevel={2}
      />
      <Pagination
        page={list.page ?? page}
        totalPages={list.totalPages}
        href={(n) => categoryPath(locale, category.slug, n)}
        words={words}
      />
    </>
  )
}
