import http from 'node:http'
import https from 'node:https'
import {
  markSocketAddressHookInstalled,
  SOCKET_ADDRESS_HEADER,
  socketAddressHookInstalled,
} from './socketAddress.js'

// The events a Node HTTP server hands a new request to (with `req` first).
const REQUEST_EVENTS = new Set(['request', 'checkContinue', 'checkExpectation'])

/** Writes the socket's address into the request's headers, replacing any client-sent value. */
function stamp(req: http.IncomingMessage): void {
  const address = req.socket?.remoteAddress
  if (address) req.headers[SOCKET_ADDRESS_HEADER] = address
  else delete req.headers[SOCKET_ADDRESS_HEADER]
}

/**
 * Makes every Node HTTP(S) server of this process record the client's socket address in the
 * `x-news-portal-socket-address` header before its request handlers run. Next.js route handlers
 * get headers but no socket, and `next start` keeps a client-sent `X-Forwarded-For`, so this is
 * the one address a client cannot choose. Servers created before the call are covered too (the
 * hook sits on the prototype). Idempotent.
 */
export function recordSocketAddresses(): void {
  if (socketAddressHookInstalled()) return
  for (const Server of [http.Server, https.Server]) {
    const emit = Server.prototype.emit
    Server.prototype.emit = function emitWithSocketAddress(
      this: http.Server,
      event: string | symbol,
      ...args: unknown[]
    ): boolean {
      if (typeof event === 'string' && REQUEST_EVENTS.has(event))
        stamp(args[0] as http.IncomingMessage)
      return Reflect.apply(emit, this, [event, ...args]) as boolean
    } as typeof emit
  }
  markSocketAddressHookInstalled()
}
