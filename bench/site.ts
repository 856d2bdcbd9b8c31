/**
 * `npm run bench:site`: Lighthouse 12.2.3 (mobile, its default simulated throttling) on the
 * portal's home and article pages in Debian's Chromium; prints the four category scores.
 * Measures BASE_URL when set, else starts the production build (`npm run build` first) on a
 * freshly seeded database. A bench, not a CI assertion.
 */
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { portalUnderTest, SEED_ARTICLE_PATH, warm } from './siteApp.js'

const PAGES = { home: '/', article: SEED_ARTICLE_PATH }
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const

const portal = await portalUnderTest()
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
})
const rows: string[] = []
try {
  for (const [name, path] of Object.entries(PAGES)) {
    const url = `${portal.url}${path}`
    await warm(url)
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
    })
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`)
    const scores = CATEGORIES.map((category) =>
      Math.round((result.lhr.categories[category]?.score ?? 0) * 100),
    )
    rows.push(`${name.padEnd(8)} ${scores.map((score) => String(score).padStart(14)).join('')}`)
    const failing = Object.values(result.lhr.audits)
      .filter(
        (audit) =>
          audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative',
      )
      .map((audit) => `  ${audit.id}: ${audit.displayValue ?? audit.score}`)
    if (failing.length) console.log(`${name}, audits below 0.9:\n${failing.join('\n')}`)
  }
} finally {
  chrome.kill()
  await portal.stop()
}
console.log(
  `\nLighthouse ${'12.2.3'}, mobile, ${portal.url}\n${'page'.padEnd(8)} ${CATEGORIES.map((c) => c.padStart(14)).join('')}\n${rows.join('\n')}`,
)
