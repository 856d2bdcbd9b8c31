import crypto from 'node:crypto'
import { PortalError } from '../../core/errors.js'
import { persistedDocuments } from './persistedDocuments.js'

/** A GraphQL request's parameters as sent (GraphQL over HTTP), before any check of their types. */
export interface GraphQLParams {
  query?: unknown
  variables?: unknown
  operationName?: unknown
  extensions?: unknown
}

// Only the manifest: a hash sent by the public never registers a document, so nobody can fill a cache by hash.
const documentByHash = new Map(persistedDocuments)

const SHA256_HEX = /^[0-9a-f]{64}$/

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const sha256 = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest('hex')

/** Whether the parameters name a persisted query (`extensions.persistedQuery`). */
export const namesPersistedQuery = (params: GraphQLParams): boolean =>
  isRecord(params.extensions) && params.extensions.persistedQuery !== undefined

/**
 * The parameters with `query` filled from the manifest when they name a persisted query by its
 * SHA-256 (Apollo's `extensions: { persistedQuery: { version: 1, sha256Hash } }`), as they are
 * otherwise. A hash outside the manifest is `PERSISTED_QUERY_NOT_FOUND` (the client then sends the
 * text); a query sent with its hash runs as sent once the hash matches it, and is not remembered.
 */
export function withPersistedQuery(params: GraphQLParams): GraphQLParams | PortalError {
  if (!namesPersistedQuery(params)) return params
  const persisted = (params.extensions as Record<string, unknown>).persistedQuery
  if (
    !isRecord(persisted) ||
    persisted.version !== 1 ||
    typeof persisted.sha256Hash !== 'string' ||
    !SHA256_HEX.test(persisted.sha256Hash)
  ) {
    return new PortalError(
      'VALIDATION',
      'extensions.persistedQuery must be { "version": 1, "sha256Hash": <64 lowercase hex digits> }.',
      { field: 'extensions' },
    )
  }
  const hash = persisted.sha256Hash
  if (typeof params.query === 'string' && params.query !== '') {
    if (sha256(params.query) === hash) return params
    return new PortalError(
      'VALIDATION',
      'extensions.persistedQuery.sha256Hash is not the SHA-256 of the query sent with it.',
      { field: 'extensions' },
    )
  }
  const document = documentByHash.get(hash)
  if (document === undefined) {
    return new PortalError(
      'PERSISTED_QUERY_NOT_FOUND',
      `No persisted query has the hash ${hash}: send the query text instead.`,
      { field: 'extensions', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } },
    )
  }
  return { ...params, query: document }
}
