// `payload-plugin-news-portal/instrumentation`: for the app's `instrumentation.ts` (Node runtime only).
import { recordSocketAddresses } from '../features/clientAddress/recordSocketAddresses.js'

export { recordSocketAddresses }

/**
 * Next.js calls `register()` once per server process, before it handles any request. It makes the
 * server record each request's socket address, which the portal's rate limits use. Import it from
 * the app's own `instrumentation.ts` inside `if (process.env.NEXT_RUNTIME === 'nodejs')`.
 */
export function register(): void {
  recordSocketAddresses()
}
