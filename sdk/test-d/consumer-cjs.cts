// Type-checked by tests/sdk-package.test.ts against the built package, as a CommonJS consumer would require it.
import sdk = require('news-portal-sdk')

const portal = sdk.createPortalClient({ endpoint: 'https://portal.example.vn/api/graphql' })

export async function visitors(): Promise<string> {
  const stats: sdk.VisitorStats = await portal.widgets.visitors()
  const panel: sdk.DossierStats | null = await portal.widgets.dossierStats()
  // @ts-expect-error the visitor counter's figures are numbers
  const wrong: string = stats.total
  return `${sdk.formatCount(stats.total)} ${panel?.onTimeRate ?? ''} ${wrong}`
}
