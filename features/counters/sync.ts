import type { Payload } from 'payload'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { DossierSourceError, parseDossierSource } from './dossier.js'
import { COUNTER_WIDGETS_SLUG, WIDGET_KINDS } from '../../core/constants.js'
import type { Id } from '../../core/ids.js'
import {
  fetchSourceJson,
  SourceRefusedError,
  SourceStatusError,
  SourceTimeoutError,
  type FetchPolicy,
} from './safeFetch.js'

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
 * Fetches one `url`-sourced dossier panel, under the fetch rules (`safeFetch.ts`: public addresses
 * only unless allowed, every redirect checked, 1 MB, the time limit). Good data replaces the figures
 * and stamps `figuresUpdatedAt`; a refusal, a failure, a timeout, a non-JSON or invalid body changes
 * no figure and records `lastError`. `lastAttemptAt` is set either way.
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
    figures = parseDossierSource(await fetchJson(widget.sourceUrl, fetchPolicy(options)))
  } catch (error) {
    const { message, logged } = describe(error, options.counters.dossierFetchTimeoutMs)
    // The cause behind a generic message is an error to look into; the source's own answer is a warning.
    payload.logger[logged ? 'error' : 'warn']({
      err: error,
      msg: `${COUNTER_WIDGETS_SLUG} ${widget.id}: dossier sync failed: ${message}`,
    })
    await payload.update({
      collection: WIDGETS,
      id: widget.id,
      data: { lastAttemptAt: attemptAt, lastError: message },
      // site-scope: this one widget, by its id (the job serves each widget of every site).
      overrideAccess: true,
      context: { dossierSync: true },
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
    // site-scope: this one widget, by its id (the job serves each widget of every site).
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
    // site-scope: the job refreshes the due panels of every site, each under its own id.
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

/** The fetch rules of the options: allowed internal hosts, DNS lookup, the time limit. */
export const fetchPolicy = (options: ResolvedNewsPortalOptions): FetchPolicy => ({
  allowedInternalHosts: options.counters.allowedInternalHosts,
  lookup: options.counters.lookup,
  timeoutMs: options.counters.dossierFetchTimeoutMs,
})

async function fetchJson(url: string, policy: FetchPolicy): Promise<unknown> {
  try {
    return await fetchSourceJson(url, policy)
  } catch (error) {
    if (error instanceof SyntaxError)
      throw new DossierSourceError('the source did not answer JSON.')
    throw error
  }
}

/** What `lastError` says: the cause when it is the source's answer or the policy, else one sentence. */
function describe(error: unknown, timeoutMs: number): { message: string; logged: boolean } {
  if (
    error instanceof DossierSourceError ||
    error instanceof SourceStatusError ||
    error instanceof SourceRefusedError
  )
    return { message: error.message, logged: false }
  if (error instanceof SourceTimeoutError)
    return { message: `the source did not answer within ${timeoutMs} ms.`, logged: false }
  // Refused, unreachable, reset, not HTTP, bad TLS, unresolved: one sentence, so lastError cannot
  // tell an editor whether a port is open. The cause goes to the log.
  return { message: UNREACHABLE, logged: true }
}

export const UNREACHABLE = 'the source could not be reached.'
