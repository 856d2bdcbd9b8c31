import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface ReceivedWebhook {
  headers: http.IncomingHttpHeaders
  /** The raw body, exactly as it arrived. */
  body: string
  /** When the request arrived (ms since the epoch). */
  at: number
}

/** How the receiver answers one request: a status, after `delayMs`. */
export interface Answer {
  status: number
  delayMs?: number
}

export interface WebhookReceiver {
  url: string
  received: ReceivedWebhook[]
  /** Answers used one per request, in order; then 200. */
  answers: Answer[]
  /** How many answers were sent back. */
  answered: () => number
  close: () => Promise<void>
}

/** A front end's webhook route on 127.0.0.1 (a random port) that records every POST. */
export async function startReceiver(path = '/revalidate'): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = []
  const answers: Answer[] = []
  let answered = 0
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      received.push({
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      })
      const { status, delayMs = 0 } = answers.shift() ?? { status: 200 }
      setTimeout(() => {
        answered++
        response.writeHead(status, { 'content-type': 'text/plain' }).end(String(status))
      }, delayMs)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}${path}`,
    received,
    answers,
    answered: () => answered,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
