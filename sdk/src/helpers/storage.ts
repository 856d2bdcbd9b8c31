const SESSION_KEY = 'news-portal.session'
const VOTER_KEY = 'news-portal.voter'

// Kept for the life of the page when storage is missing or refused (private mode, server rendering).
const fallback = new Map<string, string>()

/** A random id: 32 hex characters from the platform's secure generator when there is one. */
export function randomId(): string {
  const crypto = globalThis.crypto
  if (crypto?.randomUUID) return crypto.randomUUID().replace(/-/g, '')
  const bytes = new Uint8Array(16)
  if (crypto?.getRandomValues) crypto.getRandomValues(bytes)
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256)
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

function kept(storageName: 'sessionStorage' | 'localStorage', key: string): string {
  let storage: Storage | undefined
  try {
    storage = (globalThis as { [name: string]: unknown })[storageName] as Storage | undefined
    const existing = storage?.getItem(key)
    if (existing) return existing
  } catch {
    storage = undefined
  }
  const id = fallback.get(key) ?? randomId()
  fallback.set(key, id)
  try {
    storage?.setItem(key, id)
  } catch {
    // Full or refused: the in-memory id still serves this page.
  }
  return id
}

/** This browser session's id (kept in `sessionStorage`), for `visits.record({ session })`. */
export const browserSession = (): string => kept('sessionStorage', SESSION_KEY)

/** This reader's voter token (kept in `localStorage`), for `ratings.rate(id, score, { voterToken })`. */
export const voterToken = (): string => kept('localStorage', VOTER_KEY)
