import { createHmac, timingSafeEqual } from 'node:crypto'

/** The header that carries the signature: `sha256=<hex>`. */
export const SIGNATURE_HEADER = 'x-news-portal-signature'
/** The header that carries the delivery id (the same on every attempt of one delivery). */
export const DELIVERY_HEADER = 'x-news-portal-delivery'
/** The header that carries when the attempt was sent (ISO 8601). */
export const TIMESTAMP_HEADER = 'x-news-portal-timestamp'

/** `sha256=` and the hex HMAC-SHA256 of exactly these body bytes under `secret`. */
export function signWebhookBody(body: string | Uint8Array, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`
}

/**
 * Whether `header` (the `x-news-portal-signature` a front end received) signs exactly `body` (the
 * raw request body, before any JSON parsing) with `secret`. Compared in constant time.
 */
export function verifyWebhookSignature(
  body: string | Uint8Array,
  header: string | null | undefined,
  secret: string,
): boolean {
  if (typeof header !== 'string' || !secret) return false
  const expected = Buffer.from(signWebhookBody(body, secret))
  const given = Buffer.from(header.trim())
  return given.length === expected.length && timingSafeEqual(given, expected)
}
