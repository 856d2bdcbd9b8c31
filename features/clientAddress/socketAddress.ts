/**
 * The request header that carries the socket address under `next start`: the server hook
 * (`recordSocketAddresses`) sets it on every request, overwriting whatever a client sent.
 */
export const SOCKET_ADDRESS_HEADER = 'x-news-portal-socket-address'

// On globalThis, so the route handlers' bundle sees what the instrumentation bundle installed.
const HOOK_INSTALLED = Symbol.for('payload-plugin-news-portal.socketAddressHook')

/** Whether this process records socket addresses; without the hook the header is the client's and is ignored. */
export function socketAddressHookInstalled(): boolean {
  return (globalThis as Record<symbol, unknown>)[HOOK_INSTALLED] === true
}

export function markSocketAddressHookInstalled(): void {
  ;(globalThis as Record<symbol, unknown>)[HOOK_INSTALLED] = true
}
