import { sqlDialect, type SqlDialect } from '../../core/sql.js'

export { dateLiteral, idLiteral, runSql } from '../../core/sql.js'

/** The SQL databases the search index is built for (`payload.db.name`). */
export type SearchDialect = SqlDialect

export const searchDialect = sqlDialect

const WORDS = /^[\p{L}\p{N} ]*$/u

/** Refuses anything but folded words (letters, digits, spaces): the only text a query is built of. */
export function checkedWords(words: string): string {
  if (!WORDS.test(words)) throw new Error('search: only letters, digits and spaces reach a query.')
  return words
}

/** A string literal of folded words: letters, digits and spaces cannot end a quoted SQL string. */
export function wordsLiteral(words: string): string {
  return `'${checkedWords(words)}'`
}
