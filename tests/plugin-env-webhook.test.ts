import { describe, expect, it } from 'vitest'
import { pluginOptionsFromEnv } from '../config/pluginEnv.js'
import { resolveWebhooksOptions } from '../features/webhooks/options.js'

const env = (vars: Record<string, string>) => vars as NodeJS.ProcessEnv

describe("the demo's portal webhook from the environment", () => {
  it('sends none without PORTAL_WEBHOOK_SECRET', () => {
    expect(pluginOptionsFromEnv(env({})).webhooks).toBeUndefined()
  })

  it("points at the portal's receiver on PORT, its loopback host allowed", () => {
    const webhooks = pluginOptionsFromEnv(
      env({ PORTAL_WEBHOOK_SECRET: 's'.repeat(20), PORT: '4123' }),
    ).webhooks
    expect(webhooks).toEqual({
      endpoints: [{ url: 'http://127.0.0.1:4123/_portal/revalidate', secret: 's'.repeat(20) }],
      allowedInternalHosts: ['127.0.0.1'],
    })
    expect(resolveWebhooksOptions(webhooks).endpoints[0].url).toBe(
      'http://127.0.0.1:4123/_portal/revalidate',
    )
    expect(
      pluginOptionsFromEnv(env({ PORTAL_WEBHOOK_SECRET: 's'.repeat(20) })).webhooks?.endpoints?.[0]
        .url,
    ).toBe('http://127.0.0.1:3000/_portal/revalidate')
  })

  it('takes PORTAL_WEBHOOK_URL and refuses one that is not a URL, naming it', () => {
    expect(
      pluginOptionsFromEnv(
        env({
          PORTAL_WEBHOOK_SECRET: 's'.repeat(20),
          PORTAL_WEBHOOK_URL: 'http://10.0.0.5:8080/_portal/revalidate',
        }),
      ).webhooks?.allowedInternalHosts,
    ).toEqual(['10.0.0.5'])
    expect(() =>
      pluginOptionsFromEnv(
        env({ PORTAL_WEBHOOK_SECRET: 's'.repeat(20), PORTAL_WEBHOOK_URL: 'nope' }),
      ),
    ).toThrow('PORTAL_WEBHOOK_URL must be a URL; got "nope".')
  })
})
