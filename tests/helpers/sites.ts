import { getPayload } from 'payload'
import { forgetSites } from '../../features/sites/registry.js'
import type { TestApp } from './app.js'

export interface TestSite {
  id: string | number
  slug: string
}

/** The default site every deployment gets at first start (from the plugin's `siteName`). */
export async function defaultSite(app: TestApp): Promise<TestSite> {
  const { docs } = await app.payload.find({
    collection: 'sites',
    where: { isDefault: { equals: true } },
    depth: 0,
  })
  const site = docs[0] as unknown as TestSite
  return { id: site.id, slug: site.slug }
}

/** Adds a site and makes both Payload instances (the test's and the route handlers') see it at once. */
export async function addSite(app: TestApp, data: Record<string, unknown>): Promise<TestSite> {
  const site = (await app.payload.create({
    collection: 'sites',
    data: data as never,
  })) as unknown as TestSite
  forgetSites(app.payload)
  forgetSites(await getPayload({ config: app.config }))
  return { id: site.id, slug: site.slug }
}

/** The request headers that name a site. */
export const onSite = (site: TestSite | string): Record<string, string> => ({
  'x-portal-site': typeof site === 'string' ? site : site.slug,
})

/** Logs a new user in and returns their token: `roles` and `sites` as an admin would set them. */
export async function userOn(
  app: TestApp,
  email: string,
  roles: string[],
  sites: TestSite[] = [],
): Promise<{ id: string | number; token: string }> {
  const user = await app.payload.create({
    collection: 'users',
    data: { email, password: 'site-pass-1', roles, sites: sites.map((site) => site.id) } as never,
  })
  return { id: user.id, token: await app.login(email, 'site-pass-1') }
}
