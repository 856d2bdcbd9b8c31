import type { Payload } from 'payload'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { DossierSourceError, parseDossierSource } from './dossier.js'
import { COUNTER_WIDGETS_SLUG, WIDGET_KINDS } from '../../core/constants.js'
import type { Id } from '../../core/ids.js'

export const WIDGETS = COUNTER_WIDGETS_SLUG as never

export interface SyncOutcome {
  id: Id
  ok: boolean
  error?: string
}

interface UrlWidget {
  id: Id
  sourceUrl?: string | null
  refreshMinutes?: number | null
  lastAttemptAt?: string | null
}

/**
 * Fetches one `url`-sourced dossier panel. Good data replaces the figures and stamps
 * `figuresUpdatedAt`; a failure, a timeout, a non-JSON or invalid body changes no figure and
 * records `lastError`. `lastAttemptAt` is set either way.
 */
export async function syncDossierWidget(
  payload: Payload,
  options: ResolvedNewsPortalOptions,
  widget: UrlWidget,
): Promise<SyncOutcome> {
  const attemptAt = options.counters.now().toISOString()
  let figures
  try {
    if (!widget.sourceUrl) throw new DossierSourceError('sourceUrl is empty.')
    figures = parseDossierSource(
      await fetchJson(widget.sourceUrl, options.counters.dossierFetchTimeoutMs),
    )
  } catch (error) {
    const message = describe(error, options.counters.dossierFetchTimeoutMs)
    await payload.update({
      collection: WIDGETS,
      id: widget.id,
      data: { lastAttemptAt: attemptAt, lastError: message },
      overrideAccess: true,
      context: { dossierSync: true },
    })
    payload.logger.error({
      err: error,
      msg: `${COUNTER_WIDGETS_SLUG} ${widget.id}: dossier sync failed: ${message}`,
    })
    return { id: widget.id, ok: false, error: message }
  }
  const { updatedAt, ...rest } = figures
  await payload.update({
    collection: WIDGETS,
    id: widget.id,
    data: {
      ...rest,
      figuresUpdatedAt: updatedAt ?? attemptAt,
      lastAttemptAt: attemptAt,
      lastError: null,
    },
    overrideAccess: true,
    context: { dossierSync: true },
  })
  return { id: widget.id, ok: true }
}

/** Syncs every enabled `url` panel whose refresh interval has passed since its last attempt. */
export async function syncDueDossierWidgets(
  payload: Payload,
  options: ResolvedNewsPortalOptions,
): Promise<SyncOutcome[]> {
  const now = options.counters.now().getTime()
  const { docs } = await payload.find({
    collection: WIDGETS,
    where: {
      and: [
        { kind: { equals: WIDGET_KINDS.dossierStats } },
        { source: { equals: 'url' } },
        { enabled: { equals: true } },
      ],
    },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
  })
  const due = (docs as unknown as UrlWidget[]).filter((widget) => {
    if (!widget.lastAttemptAt) return true
    return now - new Date(widget.lastAttemptAt).getTime() >= (widget.refreshMinutes ?? 60) * 60_000
  })
  const outcomes: SyncOutcome[] = []
  for (const widget of due) outcomes.push(await syncDossierWidget(payload, options, widget))
  return outcomes
}

class HttpStatusError extends Error {}

async function fetchJson(url: string, timeoutMs: number): Promise<unknown> {
  const signal = AbortSignal.timeout(timeoutMs)
  const response = await fetch(url, {
    signal,
    headers: { accept: 'application/json' },
    redirect: 'follow',
  })
  if (!response.ok) {
    // Only frees the connection: the HTTP status is the failure that is reported.
    await response.body?.cancel().catch(() => {})
    throw new HttpStatusError(`the source answered HTTP ${response.status}.`)
  }
  const text = await response.text()
  try {
    return JSON.parse(text)
  } catch {
    // Expected: a source that answers HTML or nothing; recorded on the panel as lastError.
    throw new DossierSourceError('the source did not answer JSON.')
  }
}

function describe(error: unknown, timeoutMs: number): string {
  if (error instanceof DossierSourceError || error instanceof HttpStatusError) return error.message
  const name = (error as { name?: string })?.name
  if (name === 'TimeoutError' || name === 'AbortError')
    return `the source did not answer within ${timeoutMs} ms.`
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause
  return `the source could not be reached (${cause?.code ?? cause?.message ?? (error as Error)?.message ?? 'unknown error'}).`
}
