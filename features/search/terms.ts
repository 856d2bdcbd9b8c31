import { foldMarks } from '../../core/foldMarks.js'

/** Text as the search index and its queries see it: folded words of letters and digits only. */
export function searchTerms(text: string): string[] {
  return foldMarks(text).match(/[\p{L}\p{N}]+/gu) ?? []
}

/** Texts folded into one space-separated run of words (what one index column holds). */
export function indexText(texts: Array<string | null | undefined>): string {
  return texts.flatMap((text) => (text ? searchTerms(text) : [])).join(' ')
}
