import { CategoryListing } from '../../../../components/CategoryListing.js'
import { routeOf } from '../../../../lib/params.js'

export const revalidate = 3600
export async function generateStaticParams() {
  return []
}

type Params = Promise<{ site: string; lang: string; category: string }>

/** `/{category}`: the section's first page. */
export default async function CategoryPage({ params }: { params: Params }) {
  const { siteKey, locale } = await routeOf(params)
  const { category } = await params
  return <CategoryListing siteKey={siteKey} locale={locale} categorySlug={category} page={1} />
}
