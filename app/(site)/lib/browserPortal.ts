'use client'
import { createPortalClient, type PortalClient } from 'news-portal-sdk'

const clients = new Map<string, PortalClient>()

/** The browser's client for one site: same-origin `/api/graphql`, reader ids from the reader's own storage. */
export function browserPortal(site: string): PortalClient {
  let client = clients.get(site)
  if (!client) {
    client = createPortalClient({ endpoint: '/api/graphql', site })
    clients.set(site, client)
  }
  return client
}
