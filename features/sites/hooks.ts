import {
  ValidationError,
  type CollectionAfterChangeHook,
  type CollectionAfterDeleteHook,
  type CollectionBeforeValidateHook,
} from 'payload'
import { SITES_SLUG } from '../../core/constants.js'
import { forgetSites, normalizeDomain } from './registry.js'

/**
 * Domains are stored normalised (`xa.tinh.gov.vn`: lower case, no scheme, port or path), and a
 * domain may belong to one site only: a request's host must never match two sites.
 */
export const checkSiteDomains: CollectionBeforeValidateHook = async ({
  data,
  originalDoc,
  req,
}) => {
  if (!data || !Array.isArray(data.domains)) return data
  const errors: Array<{ path: string; message: string }> = []
  const seen = new Set<string>()
  data.domains = data.domains.map((row: { domain?: unknown }, index: number) => {
    const domain = normalizeDomain(row?.domain)
    if (!domain) {
      errors.push({
        path: `domains.${index}.domain`,
        message: `"${String(row?.domain ?? '').slice(0, 100)}" is not a host name such as xa.tinh.gov.vn.`,
      })
    } else if (seen.has(domain)) {
      errors.push({ path: `domains.${index}.domain`, message: `${domain} is listed twice.` })
    }
    if (domain) seen.add(domain)
    return { ...row, domain: domain ?? row?.domain }
  })
  if (!errors.length && seen.size) {
    // Privileged on purpose: a domain taken by any site, readable or not, is taken.
    const { docs } = await req.payload.find({
      collection: SITES_SLUG as never,
      where: {
        and: [
          { 'domains.domain': { in: [...seen] } },
          ...(originalDoc?.id !== undefined ? [{ id: { not_equals: originalDoc.id } }] : []),
        ],
      },
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
      req,
    })
    for (const other of docs as unknown as Array<{
      slug?: string
      domains?: Array<{ domain?: string }>
    }>) {
      for (const row of other.domains ?? []) {
        const index = [...seen].indexOf(row.domain ?? '')
        if (index >= 0) {
          errors.push({
            path: `domains.${index}.domain`,
            message: `${row.domain} already belongs to the site "${other.slug}".`,
          })
        }
      }
    }
  }
  if (errors.length) throw new ValidationError({ collection: SITES_SLUG, errors })
  return data
}

/** One default site: marking a site as default takes the mark from the others (whose own hook then does nothing). */
export const keepOneDefaultSite: CollectionAfterChangeHook = async ({ doc, req }) => {
  if (doc?.isDefault === true) {
    await req.payload.update({
      collection: SITES_SLUG as never,
      where: { and: [{ isDefault: { equals: true } }, { id: { not_equals: doc.id } }] },
      data: { isDefault: false } as never,
      depth: 0,
      overrideAccess: true,
      req,
    })
  }
  forgetSites(req.payload)
  return doc
}

export const forgetSitesAfterDelete: CollectionAfterDeleteHook = ({ doc, req }) => {
  forgetSites(req.payload)
  return doc
}
