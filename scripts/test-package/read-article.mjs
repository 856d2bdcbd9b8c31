// Copied into the throwaway site and run there with plain node: reads one article through the installed SDK tarball.
import { createPortalClient } from 'news-portal-sdk'

const [endpoint, slug] = process.argv.slice(2)
const portal = createPortalClient({ endpoint })
const page = await portal.articles.page(slug)
const article = await portal.articles.bySlug(slug)
console.log(
  JSON.stringify({ pageTitle: page?.article.title ?? null, bySlugTitle: article?.title ?? null }),
)
