import { notFound } from 'next/navigation'
import { CategoryListing } from '../../../../../../components/CategoryListing.js'
import { routeOf } from '../../../../../../lib/params.js'

export const revalidate = 3600
export async function generateStaticParams() {
  return []
}

type Params = Promise<{ site: string; lang: string; category: string; page: string }>

/** `/{category}?trang=N` (the proxy's rewrite puts N in the path, so each page renders statically). */
export default async function CategoryPageN({ params }: { params: Params }) {
  const { siteKey, locale } = await routeOf(params)
  const { category, page } = await params
  const n = Number(page)
  if (!/^\d{1,6}$/.test(page) || n < 2) notFound()
  return <CategoryListing siteKey={siteKey} locale={locale} categorySlug={category} page={n} />
}
