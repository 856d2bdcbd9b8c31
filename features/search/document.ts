import { indexText } from './terms.js'

type Localized<T> = T | Record<string, T> | null | undefined

/** What the indexer reads of an article (every locale, authors and source populated). */
export interface IndexedArticle {
  id: unknown
  title?: Localized<string>
  lead?: Localized<string>
  body?: Localized<unknown>
  byline?: string | null
  authors?: Array<{ name?: string | null; pseudonym?: string | null } | unknown> | null
  source?: { title?: string | null } | unknown
}

/** Each locale's value of a field read with `locale: 'all'` (or the one value without localization). */
function eachLocale<T>(value: Localized<T>, isValue: (value: unknown) => boolean): T[] {
  if (value === null || value === undefined) return []
  if (isValue(value)) return [value as T]
  return Object.values(value as Record<string, T>).filter((entry) => isValue(entry))
}

const isString = (value: unknown) => typeof value === 'string'
const isLexical = (value: unknown) =>
  typeof value === 'object' && value !== null && 'root' in (value as object)

/** The words of a Lexical document: its text nodes, in order. */
export function lexicalText(node: unknown, out: string[] = []): string[] {
  if (!node || typeof node !== 'object') return out
  const { text, children, root } = node as { text?: unknown; children?: unknown; root?: unknown }
  if (typeof text === 'string') out.push(text)
  if (root) lexicalText(root, out)
  if (Array.isArray(children)) for (const child of children) lexicalText(child, out)
  return out
}

/** One article's two index columns: its titles, and everything else a reader may search for. */
export function searchDocument(article: IndexedArticle): { title: string; body: string } {
  const objects = (values: unknown[]) =>
    values.filter((value): value is Record<string, unknown> => typeof value === 'object' && !!value)
  const authors = objects(article.authors ?? []).flatMap((author) => [
    author.name as string | undefined,
    author.pseudonym as string | undefined,
  ])
  const source = objects([article.source])[0]?.title as string | undefined
  return {
    title: indexText(eachLocale(article.title, isString)),
    body: indexText([
      ...eachLocale(article.lead, isString),
      ...eachLocale(article.body, isLexical).flatMap((body) => lexicalText(body)),
      article.byline,
      ...authors,
      source,
    ]),
  }
}
