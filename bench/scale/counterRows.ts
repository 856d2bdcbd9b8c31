import type { Payload } from 'payload'
import { bulkWriter, type Row } from '../../seed/archive/bulk.js'
import { sessionScope } from '../../features/counters/store.js'
import { siteKey } from '../../features/sites/keys.js'
import type { Id } from '../../core/ids.js'

const CHUNK = 50_000

/**
 * Adds `votes` votes (as rateArticle logs them: article, score, voter hash) over `articles`,
 * `hot` getting `hotShare` of them, with the rating summaries that match; returns nothing.
 */
export async function fillVotes(
  payload: Payload,
  { articles, hot, votes, hotShare }: { articles: Id[]; hot: Id; votes: number; hotShare: number },
): Promise<void> {
  const writer = bulkWriter(payload)
  let id = await writer.maxId('ratings')
  const summaries = new Map<Id, { total: number; count: number }>()
  const at = new Date().toISOString()
  for (let from = 0; from < votes; from += CHUNK) {
    const rows: Row[] = []
    for (let i = from; i < Math.min(votes, from + CHUNK); i++) {
      const article = i < votes * hotShare ? hot : articles[i % articles.length]
      const score = (i % 5) + 1
      const summary = summaries.get(article) ?? { total: 0, count: 0 }
      summaries.set(article, { total: summary.total + score, count: summary.count + 1 })
      rows.push({
        id: ++id,
        article_id: article,
        score,
        voter_hash: `filled-${i.toString(16).padStart(8, '0')}`,
        updated_at: at,
        created_at: at,
      })
    }
    await writer.transaction((insert) => insert('ratings', rows))
  }
  let summaryId = await writer.maxId('rating_summaries')
  await writer.transaction((insert) =>
    insert(
      'rating_summaries',
      [...summaries].map(([article, { total, count }]) => ({
        id: ++summaryId,
        article_id: article,
        total,
        count,
        updated_at: at,
        created_at: at,
      })),
    ),
  )
  await writer.afterInsert(['ratings', 'rating_summaries'])
}

/**
 * Fills the visit-session table to its pruning ceiling: `rows` sessions of `site` last seen over
 * the `windowMinutes` before now (the prune task keeps that much), a third of them visits and
 * the rest article views.
 */
export async function fillSessions(
  payload: Payload,
  {
    site,
    rows,
    windowMinutes,
    articles,
  }: { site: Id; rows: number; windowMinutes: number; articles: Id[] },
): Promise<void> {
  const writer = bulkWriter(payload)
  let id = await writer.maxId('visit_sessions')
  const now = Date.now()
  const ref = { id: site }
  for (let from = 0; from < rows; from += CHUNK) {
    const batch: Row[] = []
    for (let i = from; i < Math.min(rows, from + CHUNK); i++) {
      const session = `filled-${i.toString(36).padStart(8, '0')}`
      const visit = i % 3 === 0
      batch.push({
        id: ++id,
        key: siteKey(
          ref,
          visit ? `visit:${session}` : `view:${articles[i % articles.length]}:${session}`,
        ),
        scope: sessionScope(ref, visit ? 'visit' : 'view'),
        last_seen_at: new Date(
          now - ((i * 7919) % rows) * ((windowMinutes * 60_000) / rows),
        ).toISOString(),
      })
    }
    await writer.transaction((insert) => insert('visit_sessions', batch))
  }
  await writer.afterInsert(['visit_sessions'])
}
