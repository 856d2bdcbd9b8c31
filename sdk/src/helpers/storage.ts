import { PortalError } from '../errors.js'

const SESSION_KEY = 'news-portal.session'
const VOTER_KEY = 'news-portal.voter'
// A page whose storage is missing or refused keeps its ids on its own document, never in this module.
const PAGE_IDS = Symbol.for('news-portal-sdk.page-ids')

/** Web Storage (`localStorage`, `sessionStorage`) or anything with its two methods. */
export interface StorageLike {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

/** A key–value store of one reader, such as the request's cookie jar (`get` may return a cookie). */
export interface KeyValueStore {
  get(key: string): string | { value: string } | null | undefined
  set(key: string, value: string): unknown
}

/** Where one reader's ids are kept: their browser storage, their cookies, a `Map` of their session… */
export type ReaderStore = StorageLike | KeyValueStore

/** A random id: 32 hex characters from the platform's secure generator when there is one. */
export function randomId(): string {
  const crypto = globalThis.crypto
  if (crypto?.randomUUID) return crypto.randomUUID().replace(/-/g, '')
  const bytes = new Uint8Array(16)
  if (crypto?.getRandomValues) crypto.getRandomValues(bytes)
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256)
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

/** The id under `key` in the reader's store, made and kept there on first use. */
function keptIn(store: ReaderStore, key: string): string {
  const value = 'getItem' in store ? store.getItem(key) : store.get(key)
  const existing = typeof value === 'string' ? value : value?.value
  if (existing) return existing
  const id = randomId()
  if ('setItem' in store) store.setItem(key, id)
  else store.set(key, id)
  return id
}

/** The id under `key` in the page's own storage; refused on a server, where every reader shares the globals. */
function keptInPage(
  storageName: 'sessionStorage' | 'localStorage',
  key: string,
  caller: string,
): string {
  const page = globalThis as { [name: string]: unknown }
  const document = page.document as { [PAGE_IDS]?: Record<string, string> } | undefined
  if (!document) {
    throw new PortalError(
      'STORE_REQUIRED',
      `${caller}() needs the reader's own store on a server: pass the request's cookies or any object with get(key) and set(key, value), e.g. ${caller}(cookieJar).`,
    )
  }
  let storage: StorageLike | undefined
  try {
    storage = page[storageName] as StorageLike | undefined
    const existing = storage?.getItem(key)
    if (existing) return existing
  } catch {
    storage = undefined
  }
  const memory = (document[PAGE_IDS] ??= {})
  const id = (memory[key] ??= randomId())
  try {
    storage?.setItem(key, id)
  } catch {
    // Full or refused (private mode): the page's own copy still serves this page.
  }
  return id
}

/**
 * This reader's browser-session id, for `visits.record({ session })`: kept in `sessionStorage` in a
 * browser; on a server, pass the reader's own store (their cookies).
 */
export const browserSession = (store?: ReaderStore): string =>
  store ? keptIn(store, SESSION_KEY) : keptInPage('sessionStorage', SESSION_KEY, 'browserSession')

/**
 * This reader's voter token, for `ratings.rate(id, score, { voterToken })`: kept in `localStorage`
 * in a browser; on a server, pass the reader's own store (their cookies).
 */
export const voterToken = (store?: ReaderStore): string =>
  store ? keptIn(store, VOTER_KEY) : keptInPage('localStorage', VOTER_KEY, 'voterToken')
