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

/** The 413 answer, naming the limit. */
export function bodyTooLargeResponse(maxBytes: number, headers?: HeadersInit): Response {
  const kb = Math.round((maxBytes / 1024) * 10) / 10
  return Response.json(
    {
      errors: [
        {
          message: `The request body is larger than the limit of ${maxBytes} bytes (${kb} KB).`,
          code: 'BODY_TOO_LARGE',
          maxBytes,
        },
      ],
    },
    { status: 413, headers },
  )
}

/** The body as text, or the 413 answer when it is over `maxBytes`. */
export async function readTextWithin(
  request: Request,
  maxBytes: number,
): Promise<string | Response> {
  const body = await readBodyWithin(request, maxBytes)
  if (body === TOO_LARGE) return bodyTooLargeResponse(maxBytes)
  return new TextDecoder().decode(body)
}
