import type { FieldHook, TextFieldSingleValidation } from 'payload'
import { WEBHOOK_ENDPOINTS_SLUG } from '../../core/constants.js'
import type { ResolvedNewsPortalOptions } from '../../core/types.js'
import { endpointUrlProblem, secretProblem } from './options.js'

/** A stored endpoint's URL: the same rules as the options', and not one the options already list. */
export const validateEndpointUrl =
  (options: ResolvedNewsPortalOptions): TextFieldSingleValidation =>
  (value) => {
    const problem = endpointUrlProblem(value, options.webhooks.allowedInternalHosts)
    if (problem) return `The URL ${problem}`
    const href = new URL(String(value).trim()).href
    if (options.webhooks.endpoints.some((endpoint) => endpoint.url === href))
      return 'This URL is already configured in the plugin options (webhooks.endpoints).'
    return true
  }

/** The secret: required when the endpoint is created, at least 16 characters whenever set. */
export const validateSecret: TextFieldSingleValidation = (value) => {
  const problem = secretProblem(value)
  return problem ? `The secret ${problem}` : true
}

/** Never read back: the API and the admin show no secret, only that one is set. */
export const hideSecret: FieldHook = () => null

/** An update that leaves the secret empty keeps the stored one (the form never had it). */
export const keepSecret: FieldHook = async ({ value, operation, originalDoc, req }) => {
  if (operation !== 'update' || (typeof value === 'string' && value !== '')) return value
  const id = (originalDoc as { id?: string | number } | undefined)?.id
  if (id === undefined) return value
  // site-scope: endpoints are the admins' (every site); this one row's stored secret.
  const stored = await req.payload.db.findOne({
    collection: WEBHOOK_ENDPOINTS_SLUG as never,
    where: { id: { equals: id } },
    req,
  })
  return (stored as { secret?: string } | null)?.secret ?? value
}
