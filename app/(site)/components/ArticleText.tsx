import { authorsLine } from '../lib/authors.js'

/** What `ArticleText` shows of an article (an `ArticlePage` article, or the print view's). */
export interface ArticleTextParts {
  lead?: string | null
  bodyHtml?: string | null
  authors?: Array<{ name: string }> | null
  byline?: string | null
  source?: { title: string } | null
  sourceUrl?: string | null
}

/**
 * The article itself, as the page and the print view show it: lead, body, author and source
 * (linked to `sourceUrl` when `linkSource`; the print view prints the name alone).
 */
export function ArticleText({
  article,
  words,
  linkSource = false,
}: {
  article: ArticleTextParts
  words: { author: string; source: string }
  linkSource?: boolean
}) {
  const authors = authorsLine(article)
  return (
    <>
      {article.lead && <p className="article__lead">{article.lead}</p>}
      {article.bodyHtml && (
        // The server's safe rendering of the Lexical body (features/content/bodyHtml.ts).
        <div className="article__body" dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
      )}
      {authors && (
        <p className="article__author">
          <strong>{words.author}:</strong> {authors}
        </p>
      )}
      {article.source && (
        <p className="article__source">
          <strong>{words.source}:</strong>{' '}
          {linkSource && article.sourceUrl ? (
            <a href={article.sourceUrl}>{article.source.title}</a>
          ) : (
            article.source.title
          )}
        </p>
      )}
    </>
  )
}
