import { notFound } from 'next/navigation'

/** Anything deeper than an article is no page of the portal (and gets the portal's 404). */
export default function DeeperThanAnArticle(): never {
  notFound()
}
