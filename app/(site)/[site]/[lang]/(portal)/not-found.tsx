import Link from 'next/link'
import { wordsFor } from '../../../lib/words.js'

/** The portal's 404, inside its header and side column (Vietnamese: a not-found page gets no params). */
export default function PortalNotFound() {
  const words = wordsFor('vi')
  return (
    <section className="not-found">
      <h1 className="page-title">{words.notFound}</h1>
      <p>{words.notFoundText}</p>
      <p>
        <Link href="/">{words.backHome}</Link>
      </p>
    </section>
  )
}
