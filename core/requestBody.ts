import type { PayloadRequest } from 'payload'
import { PortalError } from './errors.js'

/** What `readBodyWithin` answers for a body over the limit. */
export const TOO_LARGE = Symbol('body too large')

/**
 * The request's body, read only as far as `maxBytes`: `TOO_LARGE` when its Content-Length says
 * more (nothing is read) or when the bytes streamed go past it (reading stops there).
 */
export async function readBodyWithin(
  request: Request,
  maxBytes: number,
): Promise<Uint8Array | typeof TOO_LARGE> {
  const declared = Number(request.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > maxBytes) return TOO_LARGE
  if (!request.body) return new Uint8Array(0)
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel().catch(() => {})
      return TOO_LARGE
    }
    chunks.push(value)
  }
  const body = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.byteLength
  }
  return body
}

/** The refusal of a body over `maxBytes`: 413 `BODY_TOO_LARGE`, naming the limit. */
export function bodyTooLarge(maxBytes: number): PortalError {
  const kb = Math.round((maxBytes / 1024) * 10) / 10
  return new PortalError(
    'BODY_TOO_LARGE',
    `The request body is larger than the limit of ${maxBytes} bytes (${kb} KB).`,
    { maxBytes },
  )
}

/**
 * The request's JSON body, `undefined` when it is empty, read only as far as `maxBytes` (a larger
 * body is refused with 413 before anything is parsed). A body that is not JSON is refused with
 * `VALIDATION`, `message` saying what was expected and `field` naming the input.
 */
export async function readJsonBody(
  req: PayloadRequest,
  refusal: { message: string; field: string; maxBytes: number },
): Promise<unknown> {
  const body = await readBodyWithin(req as unknown as Request, refusal.maxBytes)
  if (body === TOO_LARGE) throw bodyTooLarge(refusal.maxBytes)
  const text = new TextDecoder().decode(body)
  if (!text.trim()) return undefined
  try {
    return JSON.parse(text)
  } catch {
    // Expected: the client sent something that is not JSON; it is told so, naming the field.
    throw new PortalError('VALIDATION', refusal.message, { field: refusal.field })
  }
}
