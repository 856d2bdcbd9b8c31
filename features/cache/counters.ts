import { Kind, visit, type DocumentNode } from 'graphql'

/** Fields whose figures move with every visit and vote (articles' and the widgets' counters). */
const COUNTER_FIELDS = new Set(['views', 'rating', 'VisitorStats', 'DossierStats'])

/** Whether an answer to `document` carries counters (so it may be cached only briefly). */
export function selectsCounters(document: DocumentNode): boolean {
  let found = false
  visit(document, {
    [Kind.FIELD]: (node) => {
      if (COUNTER_FIELDS.has(node.name.value)) found = true
    },
  })
  return found
}
