import { PortalError } from '../../core/errors.js'

/** Whether graphql-http can answer one range of an Accept header (its own test, charset included). */
function answers(range: string): boolean {
  const [type, ...params] = range.split(';')
  const charset = params.find((param) => param.includes('charset=')) ?? 'charset=utf-8'
  if (type === 'application/graphql-response+json') return charset === 'charset=utf-8'
  return (
    ['application/json', 'application/*', '*/*'].includes(type) &&
    ['charset=utf-8', 'charset=utf8'].includes(charset)
  )
}

/**
 * Why the GraphQL route cannot take this request's headers, or undefined: graphql-http answers a
 * content type other than JSON in UTF-8 with 415 and an Accept it cannot meet with 406, both with
 * an empty body, and Payload throws (a bare 500) on a multipart body before either runs.
 */
export function transportRefusal(request: Request): PortalError | undefined {
  const accept = request.headers.get('accept') || '*/*'
  if (!accept.replace(/\s/g, '').toLowerCase().split(',').some(answers)) {
    return new PortalError(
      'NOT_ACCEPTABLE',
      `The answer is application/graphql-response+json or application/json (UTF-8); Accept was "${accept}".`,
      { field: 'accept' },
    )
  }
  const contentType = request.headers.get('content-type') ?? ''
  // graphql-http's own test: the media type, then nothing or a UTF-8 charset.
  const [mediaType, charset = 'charset=utf-8'] = contentType
    .replace(/\s/g, '')
    .toLowerCase()
    .split(';')
  if (mediaType !== 'application/json' || charset !== 'charset=utf-8') {
    return new PortalError(
      'UNSUPPORTED_MEDIA_TYPE',
      `The body must be sent as Content-Type: application/json (UTF-8); got "${contentType}".`,
      { field: 'content-type' },
    )
  }
  return undefined
}

/** The refusal of a body that is not JSON, which Payload's handler would throw on (a bare 500). */
export function bodyRefusal(body: Uint8Array): PortalError | undefined {
  if (body.byteLength === 0) return undefined
  try {
    JSON.parse(new TextDecoder().decode(body))
    return undefined
  } catch {
    // Expected: the client sent something that is not JSON; it is told what the body must be.
    return new PortalError(
      'VALIDATION',
      'The body must be JSON: { query, variables?, operationName? }.',
      { field: 'body' },
    )
  }
}
