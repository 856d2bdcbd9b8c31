// HTTP to the throwaway site only: 127.0.0.1, every request bounded in time.
const requestTimeoutMs = 30_000

/** A JSON (or text) request; answers `{ status, body, text }`. */
export async function request(base, path, { method = 'GET', json, token, cookie } = {}) {
  const url = new URL(path, base)
  if (url.hostname !== '127.0.0.1') throw new Error(`refusing to call ${url.href}: not 127.0.0.1`)
  const headers = {}
  if (json !== undefined) headers['content-type'] = 'application/json'
  if (token) headers.authorization = `JWT ${token}`
  // The admin's pages read the session from Payload's cookie, as a browser sends it.
  if (cookie) headers.cookie = `payload-token=${cookie}`
  const response = await fetch(url, {
    method,
    headers,
    body: json === undefined ? undefined : JSON.stringify(json),
    redirect: 'manual',
    signal: AbortSignal.timeout(requestTimeoutMs),
  })
  const text = await response.text()
  let body
  try {
    body = JSON.parse(text)
  } catch {
    body = undefined
  }
  return { status: response.status, body, text }
}

/** Polls `path` until it answers 200 (the server has started), or throws after `timeoutMs`. */
export async function waitFor200(base, path, { timeoutMs, isGone }) {
  const deadline = Date.now() + timeoutMs
  let last = 'no answer'
  while (Date.now() < deadline) {
    if (isGone()) throw new Error(`the server exited before ${path} answered`)
    try {
      const { status } = await request(base, path)
      if (status === 200) return
      last = `status ${status}`
    } catch (error) {
      last = error.cause?.code ?? error.message
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`${path} did not answer 200 within ${timeoutMs / 1000} s (last: ${last})`)
}
