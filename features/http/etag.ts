import crypto from 'node:crypto'

/** A strong validator of these exact bytes: the SHA-256 of the body, base64url, quoted. */
export function strongEtag(body: Uint8Array): string {
  return `"${crypto.createHash('sha256').update(body).digest('base64url')}"`
}

/**
 * Whether `If-None-Match` matches `etag` (RFC 9110 §13.1.2: `*`, or any listed tag by the weak
 * comparison, so `W/"x"` matches `"x"`).
 */
export function ifNoneMatchHits(header: string | null, etag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  const opaque = etag.replace(/^W\//, '')
  return (header.match(/(?:W\/)?"[^"]*"/g) ?? []).some((tag) => tag.replace(/^W\//, '') === opaque)
}
