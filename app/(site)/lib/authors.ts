/** The article's authors by name, else its byline: the "Tác giả" line of every view of it. */
export const authorsLine = (article: {
  authors?: Array<{ name: string }> | null
  byline?: string | null
}) => article.authors?.map((author) => author.name).join(', ') || article.byline
