import type { PayloadRequest } from 'payload'
import { PortalError } from './errors.js'

/**
 * The request's JSON body, `undefined` when it is empty. A body that is not JSON is refused with
 * `VALIDATION`, `message` saying what was expected and `field` naming the input.
 */
export async function readJsonBody(
  req: PayloadRequest,
  refusal: { message: string; field: string },
): Promise<unknown> {
  const text = req.text ? await req.text() : ''
  if (!text.trim()) return undefined
  try {
    return JSON.parse(text)
  } catch {
    // Expected: the client sent something that is not JSON; it is told so, naming the field.
    throw new PortalError('VALIDATION', refusal.message, { field: refusal.field })
  }
}
